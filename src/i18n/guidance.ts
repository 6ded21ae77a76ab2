import type { Locale } from './messages.js';

/**
 * The coordinator guidance, from the seeds (Rana's "Koordinatorrollen og individuell plan" and
 * Ålesund's "Veileder for koordinator"), brought up to date: the acts are cited by section; the
 * regulations are named by their current names (2022) and never by the seeds' old section numbers.
 */
export const guidanceTopics = [
  'role',
  'notRole',
  'whoCan',
  'children',
  'childCoordinator',
  'training',
  'ip',
  'meetings',
  'start',
  'followUp',
  'report',
  'appointment',
  'change',
  'transfer',
  'closing',
  'ke',
  'leader',
  'law',
  'complaint',
] as const;
export type GuidanceTopic = (typeof guidanceTopics)[number];

export interface GuidanceText {
  title: string;
  /** Short paragraphs and "- " lists; Teams renders them as markdown. */
  answer: string;
}

const nb: Record<GuidanceTopic, GuidanceText> = {
  role: {
    title: 'Hva gjør en koordinator?',
    answer:
      'Koordinatoren sørger for nødvendig oppfølging av innbyggeren, sikrer samordning av tjenestene og fremdrift i arbeidet med individuell plan (helse- og omsorgstjenesteloven § 7-2).\n\nSom koordinator skal du:\n- være innbyggerens hovedkontaktperson: nøste i trådene, finne ut hva som trengs og hvem som kan hjelpe\n- sikre helhet og sammenheng i tjenestene\n- være oppsøkende og lete etter de gode løsningene\n- koordinere gjennom individuell plan og koordineringsmøter\n- holde deg orientert gjennom løpende kontakt – være tilgjengelig i arbeidstiden\n- vurdere fremtidige behov sammen med innbyggeren, i god tid før hver overgang i livet',
  },
  notRole: {
    title: 'Hva er ikke koordinatorrollen?',
    answer:
      '- Rollen er en del av jobben din, ikke fritiden din.\n- Du skal ikke ta over jobben for andre – du sikrer helheten og at ting henger sammen.\n- Ikke ta over for innbyggeren: ha tett dialog, og avklar forventninger og hvem som gjør hva.\n- Du trenger ikke vite alt. De fleste er godt fornøyd med «det vet jeg ikke, men jeg sjekker og gir beskjed».\n- Koordinatorhjelpen er ikke en journal: skriv helseopplysninger i fagsystemet, ikke her.',
  },
  whoCan: {
    title: 'Hvem kan være koordinator?',
    answer:
      'Rollen er profesjonsnøytral – egnethet er det viktigste. En koordinator bør\n- samarbeide og kommunisere godt\n- kjenne innbyggeren, gjerne fra tjenesten sin\n- få avsatt tid til oppgavene av lederen sin\n- ta opplæring i rollen\n\nInnbyggeren kan selv ønske hvem som skal være koordinator. KE utpeker koordinator i samråd med innbyggeren og lederen for tjenesten.',
  },
  children: {
    title: 'Koordinator for barn og unge',
    answer:
      '- Du har mye kontakt med foreldre og pårørende; de kjenner barnet best. Vær tilgjengelig og ha en åpen dialog.\n- Møt barnet eller ungdommen selv, så du vet hvem du er koordinator for.\n- Barn og unge har rett til å bli hørt: få fram deres ønsker, og samordne dem med foreldrenes.\n- Planlegg overganger i god tid: skolestart, ungdomsskole, videregående og 18 år.\n\nFamilier som venter eller har barn med alvorlig sykdom, skade eller nedsatt funksjonsevne, kan ha rett til barnekoordinator (pasient- og brukerrettighetsloven § 2-5 c).',
  },
  childCoordinator: {
    title: 'Barnekoordinator',
    answer:
      'Familier som venter eller har barn med alvorlig sykdom, skade eller nedsatt funksjonsevne, og som vil trenge langvarige og sammensatte eller koordinerte helse- og omsorgstjenester og andre velferdstjenester, har rett til barnekoordinator (pasient- og brukerrettighetsloven § 2-5 c). Kommunen skal oppnevne barnekoordinator (helse- og omsorgstjenesteloven § 7-2 a).\n\nSom barnekoordinator skal du, ut over det en koordinator gjør:\n- samordne kommunens tjenester med spesialisthelsetjenesten\n- hjelpe familien med informasjon og søknader til andre tjenester: NAV-ytelser, barnehage og skole, og familiens egne behov\n- være den samme personen over tid, så familien slipper å begynne på nytt\n\nMeld behovet med «Meld behov» og kryss av for at familien ber om barnekoordinator; et ventet barn meldes med terminen. KE avgjør etter § 2-5 c, og et avslag kan påklages (§ 7-2). Helsedirektoratets veileder om barnekoordinator utdyper rollen.',
  },
  training: {
    title: 'Opplæring i koordinatorrollen',
    answer:
      'KE har ansvar for opplæring og veiledning av koordinatorer (helse- og omsorgstjenesteloven § 7-3). Opplæringen tar for seg blant annet lovgrunnlaget, brukermedvirkning, verdier og holdninger, tverrfaglig samarbeid og verktøy som individuell plan og koordineringsmøter.\n\n- Opplæring bør som hovedregel være gitt før du starter.\n- Mange kommuner har en egen frist; i Ålesund skal koordinatorskolen være tatt innen 6 måneder etter at du er utpekt. Fristen er kommunens rutine, ikke et lovkrav.\n- Meld behov for oppfriskning eller veiledning til lederen din eller KE.',
  },
  ip: {
    title: 'Hva er individuell plan (IP)?',
    answer:
      'Den som trenger langvarige og koordinerte tjenester, har rett til individuell plan (pasient- og brukerrettighetsloven § 2-5), og kommunen har plikt til å utarbeide den (helse- og omsorgstjenesteloven § 7-1). Planen er innbyggerens egen og et verktøy for samarbeid.\n\nEtter forskrift om individuell plan ved ytelse av velferdstjenester skal planen blant annet ha med:\n- mål, ressurser og behov\n- hvem som deltar, og hvem som er koordinator\n- hva hver part bidrar med, og hvilke tiltak, omfang og ansvar\n- planperiode og tidspunkt for evaluering og revisjon\n- samtykke til planen og til å dele taushetsbelagte opplysninger\n\nEvalueringstidspunktene står i hver plan. Det kan ta tid å bli kjent før planen skrives – det er helt vanlig.',
  },
  meetings: {
    title: 'Koordineringsmøter (tidligere ansvarsgruppe)',
    answer:
      'Koordineringsmøter har erstattet det som før het ansvarsgruppemøter. De samler tjenestene for å evaluere, drøfte og avklare ansvar og fremdrift for mål og tiltak i planen.\n- Faste deltakere er koordinatoren og innbyggeren / pårørende; andre kalles inn bare når de har et formål med å være der.\n- Hold dem ved større milepæler og særlig før overganger i livet.\n- Du leder møtet, fordeler oppgaver og sørger for et kort referat.\n- Start alltid med et samarbeidsmøte mellom deg og innbyggeren for å avklare forventninger, ønsker og behov.',
  },
  start: {
    title: 'Oppstart som koordinator',
    answer:
      'Når lederen har godkjent deg, får du beskjed her. Sørg for at KE vet at du er koordinator – det skjer når du registrerer oppstarten i Koordinatorhjelpen. Arbeidet skal ikke starte uten samtykke. Hør etter hva som er viktigst for innbyggeren, og hva de ønsker videre.',
  },
  followUp: {
    title: 'Oppfølging underveis',
    answer:
      'Sakene er store og sammensatte – prioriter dem så de ikke blir liggende.\n- Vær tilgjengelig for innbyggeren og samarbeidspartnerne.\n- Inviter, sammen med innbyggeren, til koordineringsmøter når det trengs.\n- Ta kontakt med tjenestene når behovet oppstår.\n- Evaluer planen sammen med innbyggeren til de tidene dere har satt opp.\n- Sett av noen minutter i uka til å se tilbake på sakene, gjerne med en kollega.\n\nStopper arbeidet opp, ta kontakt med lederen din eller KE.',
  },
  report: {
    title: 'Melde behov for koordinator eller IP',
    answer:
      'Helsepersonell skal snarest mulig melde fra til koordinerende enhet om pasienter og brukere som trenger individuell plan eller koordinator (helsepersonelloven § 38 a). Alle som yter tjenester, kan melde.\n- Samtykke fra innbyggeren eller pårørende / verge må foreligge – muntlig eller skriftlig.\n- Meld selv eller via lederen din. Innbyggeren kan også melde selv til KE.\n- Bruk «Meld behov» her; KE får beskjed med en gang.',
  },
  appointment: {
    title: 'Hvordan utpekes en koordinator?',
    answer:
      'KE behandler meldingen. Viser kartleggingen at innbyggeren trenger koordinerte tjenester, og samtykke er gitt, utløses retten til koordinator og individuell plan. KE utpeker koordinator i samråd med innbyggeren / pårørende og lederen for tjenesten koordinatoren kommer fra. Lederen godkjenner her i chatten, og koordinatoren får beskjed.',
  },
  change: {
    title: 'Bytte av koordinator (endringsskjema)',
    answer:
      'Meld til KE med endringsskjema når\n- koordinator går ut av stillingen (permisjon, bytter jobb e.l.)\n- innbyggeren ikke lenger har tjenester der koordinatoren jobber\n- behovet for koordinering er opphørt\n- innbyggeren eller pårørende takker nei til individuell plan\n\nÅpne saken under «Mine saker» og trykk «Meld endring». Du er ansvarlig til KE har ordnet det.',
  },
  transfer: {
    title: 'Overføring til ny koordinator',
    answer:
      'Noen ganger må saken over til en ny koordinator, for eksempel ved ny jobbsituasjon eller når andre tjenester blir viktigere. Du har ansvar for at saken er overført før du slipper taket. Åpne saken under «Mine saker» og trykk «Overfør saken».',
  },
  closing: {
    title: 'Avslutte en sak',
    answer:
      'Når innbyggeren ikke lenger trenger koordinator eller individuell plan – gjerne fordi de selv tar over koordineringen – avsluttes saken. Å hjelpe innbyggeren til å ta kontrollen selv er en del av jobben. Åpne saken under «Mine saker» og trykk «Avslutt saken».',
  },
  ke: {
    title: 'Hva er koordinerende enhet (KE)?',
    answer:
      'Alle kommuner skal ha en koordinerende enhet for habilitering og rehabilitering (helse- og omsorgstjenesteloven § 7-3; forskrift om habilitering, rehabilitering og koordinator). KE er «ett sted å henvende seg» og\n- tar imot meldinger om behov for koordinator og individuell plan\n- utpeker koordinator i samarbeid med innbyggeren og tjenesten\n- har oversikt over alle koordinatorer og individuelle planer\n- gir opplæring, oppfølging og veiledning til koordinatorer\n- har det overordnede ansvaret for arbeidet med individuell plan',
  },
  leader: {
    title: 'Lederens ansvar',
    answer:
      '- Sørge for rammer og tid slik at den ansatte kan fylle koordinatorrollen.\n- Ha oversikt over hvilke saker de ansatte er koordinator i (skriv «mine ansatte sine saker»).\n- Forankre ansvaret for individuell plan i ledelsen av tjenesten.\n- Veilede den ansatte i rollen, og følge opp opplæringsbehov.\n- Godkjenne eller avslå forslag om koordinator fra enheten sin – her i chatten.',
  },
  law: {
    title: 'Lovgrunnlaget',
    answer:
      '- Pasient- og brukerrettighetsloven § 2-5 (rett til individuell plan), § 2-5 b (rett til koordinator), § 2-5 c (barnekoordinator) og § 7-2 (klage).\n- Helse- og omsorgstjenesteloven § 7-1 (individuell plan), § 7-2 (koordinator), § 7-2 a (barnekoordinator) og § 7-3 (koordinerende enhet).\n- Helsepersonelloven § 38 a (plikt til å melde behov for individuell plan og koordinator).\n- Forskrift om individuell plan ved ytelse av velferdstjenester (innholdet i planen).\n- Forskrift om habilitering, rehabilitering og koordinator (koordinator og koordinerende enhet).\n\nOgså spesialisthelsetjenesteloven, psykisk helsevernloven, barnevernsloven, NAV-loven og opplæringsloven har regler om individuell plan og samarbeid.',
  },
  complaint: {
    title: 'Klage',
    answer:
      '- Avslag på koordinator eller individuell plan kan påklages etter pasient- og brukerrettighetsloven § 7-2. KE gir informasjon om klageadgangen i avslaget.\n- Vil noen klage på deg som koordinator, henvis til lederen din eller KE. Alle er tjent med at en klage kommer fram, så samarbeidet kan fungere igjen.',
  },
};

const nn: Record<GuidanceTopic, GuidanceText> = {
  role: {
    title: 'Kva gjer ein koordinator?',
    answer:
      'Koordinatoren sørgjer for naudsynt oppfølging av innbyggjaren, sikrar samordning av tenestene og framdrift i arbeidet med individuell plan (helse- og omsorgstenestelova § 7-2).\n\nSom koordinator skal du:\n- vere hovudkontaktperson for innbyggjaren: nøste i trådane, finne ut kva som trengst og kven som kan hjelpe\n- sikre heilskap og samanheng i tenestene\n- vere oppsøkjande og leite etter dei gode løysingane\n- koordinere gjennom individuell plan og koordineringsmøte\n- halde deg orientert gjennom løpande kontakt – vere tilgjengeleg i arbeidstida\n- vurdere framtidige behov saman med innbyggjaren, i god tid før kvar overgang i livet',
  },
  notRole: {
    title: 'Kva er ikkje koordinatorrolla?',
    answer:
      '- Rolla er ein del av jobben din, ikkje fritida di.\n- Du skal ikkje ta over jobben for andre – du sikrar heilskapen og at ting heng saman.\n- Ikkje ta over for innbyggjaren: ha tett dialog, og avklar forventningar og kven som gjer kva.\n- Du treng ikkje vite alt. Dei fleste er godt nøgde med «det veit eg ikkje, men eg sjekkar og gir beskjed».\n- Koordinatorhjelpen er ikkje ein journal: skriv helseopplysningar i fagsystemet, ikkje her.',
  },
  whoCan: {
    title: 'Kven kan vere koordinator?',
    answer:
      'Rolla er profesjonsnøytral – eigna er det viktigaste. Ein koordinator bør\n- samarbeide og kommunisere godt\n- kjenne innbyggjaren, gjerne frå tenesta si\n- få sett av tid til oppgåvene av leiaren sin\n- ta opplæring i rolla\n\nInnbyggjaren kan sjølv ønskje kven som skal vere koordinator. KE peikar ut koordinator i samråd med innbyggjaren og leiaren for tenesta.',
  },
  children: {
    title: 'Koordinator for born og unge',
    answer:
      '- Du har mykje kontakt med foreldre og pårørande; dei kjenner barnet best. Ver tilgjengeleg og ha ein open dialog.\n- Møt barnet eller ungdomen sjølv, så du veit kven du er koordinator for.\n- Born og unge har rett til å bli høyrde: få fram ønska deira, og samordne dei med foreldra sine.\n- Planlegg overgangar i god tid: skulestart, ungdomsskule, vidaregåande og 18 år.\n\nFamiliar som ventar eller har born med alvorleg sjukdom, skade eller nedsett funksjonsevne, kan ha rett til barnekoordinator (pasient- og brukarrettslova § 2-5 c).',
  },
  childCoordinator: {
    title: 'Barnekoordinator',
    answer:
      'Familiar som ventar eller har born med alvorleg sjukdom, skade eller nedsett funksjonsevne, og som vil trenge langvarige og samansette eller koordinerte helse- og omsorgstenester og andre velferdstenester, har rett til barnekoordinator (pasient- og brukarrettslova § 2-5 c). Kommunen skal oppnemne barnekoordinator (helse- og omsorgstenestelova § 7-2 a).\n\nSom barnekoordinator skal du, ut over det ein koordinator gjer:\n- samordne tenestene i kommunen med spesialisthelsetenesta\n- hjelpe familien med informasjon og søknader til andre tenester: NAV-ytingar, barnehage og skule, og dei eigne behova til familien\n- vere den same personen over tid, så familien slepp å byrje på nytt\n\nMeld behovet med «Meld behov» og kryss av for at familien ber om barnekoordinator; eit venta barn blir meldt med terminen. KE avgjer etter § 2-5 c, og eit avslag kan klagast på (§ 7-2). Rettleiaren frå Helsedirektoratet om barnekoordinator utdjupar rolla.',
  },
  training: {
    title: 'Opplæring i koordinatorrolla',
    answer:
      'KE har ansvar for opplæring og rettleiing av koordinatorar (helse- og omsorgstenestelova § 7-3). Opplæringa tek mellom anna for seg lovgrunnlaget, brukarmedverknad, verdiar og haldningar, tverrfagleg samarbeid og verktøy som individuell plan og koordineringsmøte.\n\n- Opplæring bør som hovudregel vere gitt før du startar.\n- Mange kommunar har ein eigen frist; i Ålesund skal koordinatorskulen vere teken innan 6 månader etter at du er peika ut. Fristen er rutinen til kommunen, ikkje eit lovkrav.\n- Meld behov for oppfrisking eller rettleiing til leiaren din eller KE.',
  },
  ip: {
    title: 'Kva er individuell plan (IP)?',
    answer:
      'Den som treng langvarige og koordinerte tenester, har rett til individuell plan (pasient- og brukarrettslova § 2-5), og kommunen har plikt til å utarbeide han (helse- og omsorgstenestelova § 7-1). Planen er innbyggjaren sin eigen og eit verktøy for samarbeid.\n\nEtter forskrift om individuell plan ved yting av velferdstenester skal planen mellom anna ha med:\n- mål, ressursar og behov\n- kven som deltek, og kven som er koordinator\n- kva kvar part bidreg med, og kva tiltak, omfang og ansvar\n- planperiode og tidspunkt for evaluering og revisjon\n- samtykke til planen og til å dele teiepliktige opplysningar\n\nEvalueringstidspunkta står i kvar plan. Det kan ta tid å bli kjend før planen vert skriven – det er heilt vanleg.',
  },
  meetings: {
    title: 'Koordineringsmøte (tidlegare ansvarsgruppe)',
    answer:
      'Koordineringsmøte har erstatta det som før heitte ansvarsgruppemøte. Dei samlar tenestene for å evaluere, drøfte og avklare ansvar og framdrift for mål og tiltak i planen.\n- Faste deltakarar er koordinatoren og innbyggjaren / pårørande; andre vert kalla inn berre når dei har eit føremål med å vere der.\n- Hald dei ved større milepælar og særleg før overgangar i livet.\n- Du leiar møtet, fordeler oppgåver og sørgjer for eit kort referat.\n- Start alltid med eit samarbeidsmøte mellom deg og innbyggjaren for å avklare forventningar, ønske og behov.',
  },
  start: {
    title: 'Oppstart som koordinator',
    answer:
      'Når leiaren har godkjent deg, får du beskjed her. Sørg for at KE veit at du er koordinator – det skjer når du registrerer oppstarten i Koordinatorhjelpen. Arbeidet skal ikkje starte utan samtykke. Høyr etter kva som er viktigast for innbyggjaren, og kva dei ønskjer vidare.',
  },
  followUp: {
    title: 'Oppfølging undervegs',
    answer:
      'Sakene er store og samansette – prioriter dei så dei ikkje vert liggjande.\n- Ver tilgjengeleg for innbyggjaren og samarbeidspartnarane.\n- Inviter, saman med innbyggjaren, til koordineringsmøte når det trengst.\n- Ta kontakt med tenestene når behovet oppstår.\n- Evaluer planen saman med innbyggjaren til dei tidene de har sett opp.\n- Set av nokre minutt i veka til å sjå tilbake på sakene, gjerne med ein kollega.\n\nStoppar arbeidet opp, ta kontakt med leiaren din eller KE.',
  },
  report: {
    title: 'Melde behov for koordinator eller IP',
    answer:
      'Helsepersonell skal snarast mogleg melde frå til koordinerande eining om pasientar og brukarar som treng individuell plan eller koordinator (helsepersonellova § 38 a). Alle som yter tenester, kan melde.\n- Samtykke frå innbyggjaren eller pårørande / verje må liggje føre – munnleg eller skriftleg.\n- Meld sjølv eller via leiaren din. Innbyggjaren kan òg melde sjølv til KE.\n- Bruk «Meld behov» her; KE får beskjed med ein gong.',
  },
  appointment: {
    title: 'Korleis vert ein koordinator peika ut?',
    answer:
      'KE behandlar meldinga. Viser kartlegginga at innbyggjaren treng koordinerte tenester, og samtykke er gitt, vert retten til koordinator og individuell plan utløyst. KE peikar ut koordinator i samråd med innbyggjaren / pårørande og leiaren for tenesta koordinatoren kjem frå. Leiaren godkjenner her i chatten, og koordinatoren får beskjed.',
  },
  change: {
    title: 'Byte av koordinator (endringsskjema)',
    answer:
      'Meld til KE med endringsskjema når\n- koordinator går ut av stillinga (permisjon, byter jobb e.l.)\n- innbyggjaren ikkje lenger har tenester der koordinatoren jobbar\n- behovet for koordinering har teke slutt\n- innbyggjaren eller pårørande takkar nei til individuell plan\n\nOpne saka under «Mine saker» og trykk «Meld endring». Du er ansvarleg til KE har ordna det.',
  },
  transfer: {
    title: 'Overføring til ny koordinator',
    answer:
      'Nokre gonger må saka over til ein ny koordinator, til dømes ved ny jobbsituasjon eller når andre tenester vert viktigare. Du har ansvar for at saka er overført før du slepp taket. Opne saka under «Mine saker» og trykk «Overfør saka».',
  },
  closing: {
    title: 'Avslutte ei sak',
    answer:
      'Når innbyggjaren ikkje lenger treng koordinator eller individuell plan – gjerne fordi dei sjølv tek over koordineringa – vert saka avslutta. Å hjelpe innbyggjaren til å ta kontrollen sjølv er ein del av jobben. Opne saka under «Mine saker» og trykk «Avslutt saka».',
  },
  ke: {
    title: 'Kva er koordinerande eining (KE)?',
    answer:
      'Alle kommunar skal ha ei koordinerande eining for habilitering og rehabilitering (helse- og omsorgstenestelova § 7-3; forskrift om habilitering, rehabilitering og koordinator). KE er «éin stad å vende seg til» og\n- tek imot meldingar om behov for koordinator og individuell plan\n- peikar ut koordinator i samarbeid med innbyggjaren og tenesta\n- har oversikt over alle koordinatorar og individuelle planar\n- gir opplæring, oppfølging og rettleiing til koordinatorar\n- har det overordna ansvaret for arbeidet med individuell plan',
  },
  leader: {
    title: 'Ansvaret til leiaren',
    answer:
      '- Sørgje for rammer og tid slik at den tilsette kan fylle koordinatorrolla.\n- Ha oversikt over kva saker dei tilsette er koordinator i (skriv «dei tilsette sine saker»).\n- Forankre ansvaret for individuell plan i leiinga av tenesta.\n- Rettleie den tilsette i rolla, og følgje opp opplæringsbehov.\n- Godkjenne eller avslå forslag om koordinator frå eininga si – her i chatten.',
  },
  law: {
    title: 'Lovgrunnlaget',
    answer:
      '- Pasient- og brukarrettslova § 2-5 (rett til individuell plan), § 2-5 b (rett til koordinator), § 2-5 c (barnekoordinator) og § 7-2 (klage).\n- Helse- og omsorgstenestelova § 7-1 (individuell plan), § 7-2 (koordinator), § 7-2 a (barnekoordinator) og § 7-3 (koordinerande eining).\n- Helsepersonellova § 38 a (plikt til å melde behov for individuell plan og koordinator).\n- Forskrift om individuell plan ved yting av velferdstenester (innhaldet i planen).\n- Forskrift om habilitering, rehabilitering og koordinator (koordinator og koordinerande eining).\n\nÒg spesialisthelsetenestelova, psykisk helsevernlova, barnevernslova, NAV-lova og opplæringslova har reglar om individuell plan og samarbeid.',
  },
  complaint: {
    title: 'Klage',
    answer:
      '- Avslag på koordinator eller individuell plan kan ein klage på etter pasient- og brukarrettslova § 7-2. KE informerer om klagetilgangen i avslaget.\n- Vil nokon klage på deg som koordinator, vis til leiaren din eller KE. Alle er tente med at ein klage kjem fram, så samarbeidet kan fungere att.',
  },
};

const en: Record<GuidanceTopic, GuidanceText> = {
  role: {
    title: 'What does a coordinator do?',
    answer:
      'The coordinator makes sure the resident gets the follow-up they need, that services are coordinated and that work on the individual plan moves forward (Health and Care Services Act § 7-2).\n\nAs coordinator you:\n- are the resident’s main contact: untangle the threads, find out what is needed and who can help\n- make sure the services fit together\n- reach out and look for good solutions\n- coordinate through the individual plan and coordination meetings\n- keep up to date through regular contact – be available during working hours\n- plan future needs with the resident, well before each transition in life',
  },
  notRole: {
    title: 'What the coordinator role is not',
    answer:
      '- The role is part of your job, not your spare time.\n- You do not take over other people’s work – you make sure it fits together.\n- Do not take over for the resident: keep close contact and agree on expectations and who does what.\n- You need not know everything. Most people are happy with “I don’t know, but I’ll find out and get back to you”.\n- Koordinatorhjelpen is not a patient record: write health details in the clinical system, not here.',
  },
  whoCan: {
    title: 'Who can be a coordinator?',
    answer:
      'Any profession can hold the role – suitability matters most. A coordinator should\n- cooperate and communicate well\n- know the resident, ideally from their own service\n- have time set aside for the tasks by their leader\n- take training in the role\n\nThe resident may say whom they would like. KE appoints the coordinator together with the resident and the leader of the service.',
  },
  children: {
    title: 'Coordinator for children and young people',
    answer:
      '- You will be in close contact with parents and next of kin; they know the child best. Be available and open.\n- Meet the child or young person yourself, so you know who you coordinate for.\n- Children and young people have the right to be heard: bring out their wishes and align them with the parents’.\n- Plan transitions in good time: starting school, lower and upper secondary, and turning 18.\n\nFamilies expecting or having a child with serious illness, injury or disability may have the right to a child coordinator (Patients’ and Users’ Rights Act § 2-5 c).',
  },
  childCoordinator: {
    title: 'Child coordinator',
    answer:
      'Families expecting or having a child with serious illness, injury or disability, who will need long-term and complex or coordinated health, care and other welfare services, have the right to a child coordinator (Patients’ and Users’ Rights Act § 2-5 c). The municipality must appoint one (Health and Care Services Act § 7-2 a).\n\nAs a child coordinator you, beyond what a coordinator does:\n- coordinate the municipality’s services with the specialist health service\n- help the family with information and applications to other services: NAV benefits, kindergarten and school, and the family’s own needs\n- stay the same person over time, so the family need not start again\n\nReport the need with «Meld behov» and tick that the family asks for a child coordinator; an expected child is reported with the due date. KE decides under § 2-5 c, and a decline can be appealed (§ 7-2). The Norwegian Directorate of Health’s guide on child coordinators describes the role further.',
  },
  training: {
    title: 'Training for coordinators',
    answer:
      'KE is responsible for training and guiding coordinators (Health and Care Services Act § 7-3). Training covers the legal basis, user involvement, values, cross-disciplinary work and tools such as the individual plan and coordination meetings.\n\n- As a rule, training should come before you start.\n- Many municipalities set a deadline; in Ålesund the coordinator school must be completed within 6 months of appointment. That deadline is the municipality’s routine, not law.\n- Ask your leader or KE for a refresher or guidance.',
  },
  ip: {
    title: 'What is an individual plan (IP)?',
    answer:
      'Anyone who needs long-term, coordinated services has the right to an individual plan (Patients’ and Users’ Rights Act § 2-5), and the municipality must draw it up (Health and Care Services Act § 7-1). The plan belongs to the resident and is a tool for working together.\n\nUnder the regulation on individual plans in welfare services (forskrift om individuell plan ved ytelse av velferdstjenester) the plan includes:\n- goals, resources and needs\n- who takes part, and who the coordinator is\n- what each party contributes, and which measures, their scope and who is responsible\n- the plan period and dates for evaluation and revision\n- consent to the plan and to sharing confidential information\n\nEach plan sets its own evaluation dates. Getting to know the resident before writing the plan can take time – that is normal.',
  },
  meetings: {
    title: 'Coordination meetings (formerly «ansvarsgruppe»)',
    answer:
      'Coordination meetings replace what used to be called responsibility group meetings. They bring the services together to evaluate, discuss and agree responsibilities and progress on the plan’s goals and measures.\n- The coordinator and the resident / next of kin always take part; others are invited only when they have a purpose there.\n- Hold them at major milestones, and especially before transitions in life.\n- You chair the meeting, share out tasks and make sure brief minutes are kept.\n- Always start with a meeting between you and the resident to agree expectations, wishes and needs.',
  },
  start: {
    title: 'Starting as coordinator',
    answer:
      'When your leader has approved you, you are told here. Make sure KE knows you are the coordinator – that happens when you record the start in Koordinatorhjelpen. Work must not start without consent. Listen for what matters most to the resident and what they want next.',
  },
  followUp: {
    title: 'Follow-up along the way',
    answer:
      'These cases are large and complex – prioritise them so they do not stall.\n- Be available to the resident and the partners.\n- Together with the resident, call coordination meetings when needed.\n- Contact the services when a need arises.\n- Evaluate the plan with the resident at the dates you agreed.\n- Take a few minutes each week to look back on your cases, ideally with a colleague.\n\nIf the work stalls, talk to your leader or KE.',
  },
  report: {
    title: 'Reporting a need for a coordinator',
    answer:
      'Health personnel must report as soon as possible to the coordinating unit when a patient or user needs an individual plan or a coordinator (Health Personnel Act § 38 a). Anyone providing services can report.\n- Consent from the resident or next of kin / guardian is required – oral or written.\n- Report yourself or through your leader. Residents can also contact KE themselves.\n- Use «Report a need» here; KE is told at once.',
  },
  appointment: {
    title: 'How is a coordinator appointed?',
    answer:
      'KE handles the report. If the assessment shows the resident needs coordinated services and consent is given, the right to a coordinator and an individual plan applies. KE appoints the coordinator together with the resident / next of kin and the leader of the coordinator’s service. The leader approves here in chat, and the coordinator is told.',
  },
  change: {
    title: 'Changing coordinator (endringsskjema)',
    answer:
      'Tell KE with the change form when\n- the coordinator leaves the position (leave, new job etc.)\n- the resident no longer receives services where the coordinator works\n- the need for coordination has ended\n- the resident or next of kin declines an individual plan\n\nOpen the case under «My cases» and press «Report a change». You stay responsible until KE has sorted it out.',
  },
  transfer: {
    title: 'Handing over to a new coordinator',
    answer:
      'Sometimes a case must move to a new coordinator, for example when your job changes or other services become more central. It is your responsibility that the case has been handed over before you let go. Open the case under «My cases» and press «Transfer the case».',
  },
  closing: {
    title: 'Closing a case',
    answer:
      'When the resident no longer needs a coordinator or an individual plan – often because they take over coordination themselves – the case is closed. Helping the resident take control is part of the job. Open the case under «My cases» and press «Close the case».',
  },
  ke: {
    title: 'What is the coordinating unit (KE)?',
    answer:
      'Every municipality must have a coordinating unit for habilitation and rehabilitation (Health and Care Services Act § 7-3; regulation on habilitation, rehabilitation and coordinators). KE is the “one place to turn to” and\n- receives reports of a need for a coordinator and an individual plan\n- appoints coordinators together with the resident and the service\n- keeps the overview of all coordinators and individual plans\n- trains, follows up and guides coordinators\n- holds overall responsibility for work on individual plans',
  },
  leader: {
    title: 'The leader’s responsibility',
    answer:
      '- Give the employee the conditions and time to fill the coordinator role.\n- Know which cases your employees coordinate (write «my employees’ cases»).\n- Anchor responsibility for individual plans in the service’s management.\n- Guide the employee in the role and follow up training needs.\n- Approve or decline coordinator proposals from your unit – here in chat.',
  },
  law: {
    title: 'The legal basis',
    answer:
      '- Patients’ and Users’ Rights Act § 2-5 (right to an individual plan), § 2-5 b (right to a coordinator), § 2-5 c (child coordinator) and § 7-2 (appeal).\n- Health and Care Services Act § 7-1 (individual plan), § 7-2 (coordinator), § 7-2 a (child coordinator) and § 7-3 (coordinating unit).\n- Health Personnel Act § 38 a (duty to report a need for an individual plan and a coordinator).\n- Regulation on individual plans in welfare services (what the plan contains).\n- Regulation on habilitation, rehabilitation and coordinators (coordinators and the coordinating unit).\n\nThe specialist health services, mental health care, child welfare, NAV and education acts also have rules on individual plans and cooperation.',
  },
  complaint: {
    title: 'Complaints and appeals',
    answer:
      '- A refusal of a coordinator or an individual plan can be appealed under the Patients’ and Users’ Rights Act § 7-2. KE explains how in the decision.\n- If someone wants to complain about you as coordinator, refer them to your leader or KE. Everyone gains when a complaint is heard, so cooperation can work again.',
  },
};

export const guidanceCatalogues: Record<Locale, Record<GuidanceTopic, GuidanceText>> = { nb, nn, en };
