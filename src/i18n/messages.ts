/**
 * Every text a user reads. Bokmål is the source; nynorsk and English must have the same keys
 * (the compiler checks it). `{name}` placeholders are filled by `translate`.
 */
const nb = {
  'app.name': 'Koordinatorhjelpen',
  'app.tagline': 'Hjelp til koordinatorarbeid, individuell plan og koordinerende enhet (KE).',
  'welcome.title': 'Hei, og velkommen!',
  'welcome.body': 'Jeg hjelper deg med koordinatorarbeid i {municipality}. Velg hva du vil gjøre, eller skriv «hjelp» når som helst.',
  'help.title': 'Dette kan jeg hjelpe deg med',
  'help.intro': 'Du bruker Koordinatorhjelpen for {municipality}. Trykk på en knapp, eller skriv med egne ord.',
  'help.footer': 'Skriv «hjelp» for å se denne oversikten igjen, og «språk» for å bytte språk.',
  'capability.report.title': 'Meld behov',
  'capability.report.description': 'Meld til koordinerende enhet at en innbygger trenger koordinator eller individuell plan. Samtykke kreves.',
  'capability.cases.title': 'Mine saker',
  'capability.cases.description': 'Se sakene du er koordinator for, registrer oppstart, endring, overføring og avslutning.',
  'capability.directory.title': 'Hvem kontakter jeg?',
  'capability.directory.description': 'Finn riktig tjeneste, telefonnummer og hvordan man søker, i kommunens tjenesteoversikt.',
  'capability.guidance.title': 'Veiledning',
  'capability.guidance.description': 'Koordinatorrollen, individuell plan, koordineringsmøter og lovgrunnlaget.',
  'capability.language.title': 'Språk / Language',
  'capability.language.description': 'Bokmål, nynorsk eller English.',
  'capability.notReady': '«{capability}» er ikke klar ennå. Vi bygger den nå – inntil videre kan du kontakte koordinerende enhet i kommunen direkte.',
  'language.title': 'Velg språk',
  'language.changed': 'Greit! Jeg skriver bokmål til deg fra nå av.',
  'language.nb': 'Bokmål',
  'language.nn': 'Nynorsk',
  'language.en': 'English',
  'fallback.notUnderstood': 'Jeg forstod ikke helt hva du mente. Skriv «hjelp» for å se hva jeg kan hjelpe med.',
  'municipality.rana': 'Rana kommune',
  'municipality.alesund': 'Ålesund kommune',
  'municipality.unknown': 'Organisasjonen din er ikke koblet til en kommune i Koordinatorhjelpen ennå. Be IT eller koordinerende enhet om å koble den til.',
  'error.generic': 'Beklager, noe gikk galt hos oss. Prøv igjen om litt. Hvis det gjentar seg, oppgi referansen {reference} til brukerstøtte.',
  'error.storeUnavailable': 'Beklager, jeg får ikke lagret akkurat nå, og ingenting er endret. Prøv igjen om litt.',
  'error.conflict': 'Noen andre endret dette samtidig med deg. Jeg har ikke lagret endringen din – se den oppdaterte versjonen og prøv igjen.',
  'error.notAllowed': 'Du har ikke tilgang til dette. Ta kontakt med koordinerende enhet hvis du mener du skal ha det.',
  'error.input': 'Noe i skjemaet mangler eller er ugyldig: {detail}',
  'error.unknownAction': 'Dette kortet er utdatert eller ukjent. Skriv «hjelp» for å starte på nytt.',
} as const;

export type MessageKey = keyof typeof nb;
export type Catalogue = Record<MessageKey, string>;

const nn: Catalogue = {
  'app.name': 'Koordinatorhjelpen',
  'app.tagline': 'Hjelp til koordinatorarbeid, individuell plan og koordinerande eining (KE).',
  'welcome.title': 'Hei, og velkomen!',
  'welcome.body': 'Eg hjelper deg med koordinatorarbeid i {municipality}. Vel kva du vil gjere, eller skriv «hjelp» når som helst.',
  'help.title': 'Dette kan eg hjelpe deg med',
  'help.intro': 'Du brukar Koordinatorhjelpen for {municipality}. Trykk på ein knapp, eller skriv med eigne ord.',
  'help.footer': 'Skriv «hjelp» for å sjå denne oversikta igjen, og «språk» for å byte språk.',
  'capability.report.title': 'Meld behov',
  'capability.report.description': 'Meld til koordinerande eining at ein innbyggjar treng koordinator eller individuell plan. Samtykke krevst.',
  'capability.cases.title': 'Mine saker',
  'capability.cases.description': 'Sjå sakene du er koordinator for, registrer oppstart, endring, overføring og avslutning.',
  'capability.directory.title': 'Kven kontaktar eg?',
  'capability.directory.description': 'Finn rett teneste, telefonnummer og korleis ein søkjer, i tenesteoversikta til kommunen.',
  'capability.guidance.title': 'Rettleiing',
  'capability.guidance.description': 'Koordinatorrolla, individuell plan, koordineringsmøte og lovgrunnlaget.',
  'capability.language.title': 'Språk / Language',
  'capability.language.description': 'Bokmål, nynorsk eller English.',
  'capability.notReady': '«{capability}» er ikkje klar enno. Vi byggjer den no – inntil vidare kan du kontakte koordinerande eining i kommunen direkte.',
  'language.title': 'Vel språk',
  'language.changed': 'Greitt! Eg skriv nynorsk til deg frå no av.',
  'language.nb': 'Bokmål',
  'language.nn': 'Nynorsk',
  'language.en': 'English',
  'fallback.notUnderstood': 'Eg forstod ikkje heilt kva du meinte. Skriv «hjelp» for å sjå kva eg kan hjelpe med.',
  'municipality.rana': 'Rana kommune',
  'municipality.alesund': 'Ålesund kommune',
  'municipality.unknown': 'Organisasjonen din er ikkje kopla til ein kommune i Koordinatorhjelpen enno. Be IT eller koordinerande eining om å kople han til.',
  'error.generic': 'Orsak, noko gjekk gale hos oss. Prøv igjen om litt. Om det skjer igjen, oppgi referansen {reference} til brukarstøtte.',
  'error.storeUnavailable': 'Orsak, eg får ikkje lagra akkurat no, og ingenting er endra. Prøv igjen om litt.',
  'error.conflict': 'Nokon andre endra dette samstundes med deg. Eg har ikkje lagra endringa di – sjå den oppdaterte versjonen og prøv igjen.',
  'error.notAllowed': 'Du har ikkje tilgang til dette. Ta kontakt med koordinerande eining om du meiner du skal ha det.',
  'error.input': 'Noko i skjemaet manglar eller er ugyldig: {detail}',
  'error.unknownAction': 'Dette kortet er utdatert eller ukjent. Skriv «hjelp» for å starte på nytt.',
};

const en: Catalogue = {
  'app.name': 'Koordinatorhjelpen',
  'app.tagline': 'Help with coordinator work, individual plans and the Coordinating Unit (KE).',
  'welcome.title': 'Hi, and welcome!',
  'welcome.body': 'I help you with coordinator work in {municipality}. Choose what you want to do, or type “help” at any time.',
  'help.title': 'Here is what I can help with',
  'help.intro': 'You are using Koordinatorhjelpen for {municipality}. Press a button, or write in your own words.',
  'help.footer': 'Type “help” to see this overview again, and “language” to change language.',
  'capability.report.title': 'Report a need',
  'capability.report.description': 'Tell the Coordinating Unit that a resident needs a coordinator or an individual plan. Consent is required.',
  'capability.cases.title': 'My cases',
  'capability.cases.description': 'See the cases you coordinate; record start, change, transfer and closing.',
  'capability.directory.title': 'Who do I contact?',
  'capability.directory.description': 'Find the right service, phone number and how to apply, in the municipality’s service directory.',
  'capability.guidance.title': 'Guidance',
  'capability.guidance.description': 'The coordinator role, individual plans, coordination meetings and the legal basis.',
  'capability.language.title': 'Språk / Language',
  'capability.language.description': 'Bokmål, Nynorsk or English.',
  'capability.notReady': '“{capability}” is not ready yet. We are building it now – until then, contact the Coordinating Unit in your municipality directly.',
  'language.title': 'Choose language',
  'language.changed': 'Done! I will write to you in English from now on.',
  'language.nb': 'Bokmål',
  'language.nn': 'Nynorsk',
  'language.en': 'English',
  'fallback.notUnderstood': 'I did not quite understand that. Type “help” to see what I can help with.',
  'municipality.rana': 'Rana municipality',
  'municipality.alesund': 'Ålesund municipality',
  'municipality.unknown': 'Your organisation is not connected to a municipality in Koordinatorhjelpen yet. Ask IT or the Coordinating Unit to connect it.',
  'error.generic': 'Sorry, something went wrong on our side. Please try again shortly. If it happens again, give support the reference {reference}.',
  'error.storeUnavailable': 'Sorry, I cannot save right now, and nothing was changed. Please try again shortly.',
  'error.conflict': 'Someone else changed this at the same time. Your change was not saved – look at the updated version and try again.',
  'error.notAllowed': 'You do not have access to this. Contact the Coordinating Unit if you think you should.',
  'error.input': 'Something in the form is missing or invalid: {detail}',
  'error.unknownAction': 'This card is out of date or unknown. Type “help” to start again.',
};

export const locales = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nb';

export const catalogues: Record<Locale, Catalogue> = { nb, nn, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
