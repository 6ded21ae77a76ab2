import { stemmer } from '@orama/stemmers/norwegian';
import { stopwords as snowballStopwords } from '@orama/stopwords/norwegian';

/**
 * Text analysis for Norwegian (bokmål and nynorsk) search: tokens, stop words, stems, and
 * splitting of compounds ("sykehjemsplass" → "sykehjem" + "plass") against a known vocabulary.
 */

/**
 * Snowball's Norwegian stop words (bokmål and nynorsk: pronouns, auxiliaries, particles) and the
 * words every question to the directory has in common («hvem kontakter jeg», «trenger», «tjeneste»).
 */
const STOPWORDS = new Set([
  // …but not the ones that carry a need: «uten bolig», «klare seg selv», «skader seg sjølv».
  ...snowballStopwords.filter((word) => !['uten', 'selv', 'sjøl', 'sjølv'].includes(word)),
  ...`hvem kven kontakter kontaktar kontakte kontakt kontaktperson jeg eg du vi me meg deg oss i for til med og å på av en ei et ein eit om som kan
   hjelpe hjelp hjelpen hjelpa hjelper trenger treng trengs noen nokon ringe ringer hvor kvar hva kva det den de dei har er vil skal min mitt mine vår
   seg sin sitt hos fra frå ved når ikke ikkje eller men så da då få får fikk fått fekk gi gje gir gjev bør må mer meir noe noko
   mens medan komme kommer kjem kome bruker brukeren brukere brukerne brukar brukaren brukarar innbygger innbyggjar person personen pasient pasienten pasienter pasientar tjeneste teneste tjenester tenester tilbud tilbod
   vorte vert vårt våre dine hass skaffe finne finn spør spørre gjelder angående ang vedr år års årene åra åring åringen åringer åringar åringane åringene årig årige mnd måneder månader
   the a an of who whom do does did i my me mine we our us you your he she his her him they their them it its is are was be been am
   to at in on with about from by into get got need needs needed want wants would like help helps where what which how can could should
   must will contact contacts call phone find someone somebody anyone please service services some any there this that these`
    .split(/\s+/)
    .filter(Boolean),
]);

const TOKEN = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): string[] {
  return text.toLowerCase().normalize('NFC').match(TOKEN) ?? [];
}

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** Stems, with a floor: very short stems lose meaning ("barn" must not become "bar"). */
export function stem(token: string): string {
  if (token.length <= 4 || /\d/.test(token)) return token;
  // Snowball takes «-leg» for a derivational suffix; in «fastlege», «legen», «skolelegar» it is the doctor.
  const doctor = DOCTOR.exec(token);
  if (doctor) return `${doctor[1]}e`;
  // …and «-lig» in «bolig», «nødbolig», «omsorgsboligen» is the dwelling, not an adjective's ending.
  const dwelling = DWELLING.exec(token);
  if (dwelling) return dwelling[1]!;
  const stemmed = stemmer(token);
  return stemmed.length >= 3 ? stemmed : token;
}

const DOCTOR = /^(.*leg)(?:e|en|er|ene|ar|ane)$/u;
const DWELLING = /^(.*bolig)(?:en|er|ene)?$/u;

/** Content terms of a text: tokens without stop words, stemmed. */
export function terms(text: string): string[] {
  return tokenize(text)
    .filter((token) => !isStopword(token))
    .map(stem);
}

/** Where a question's head ends: prepositions, and the conjunctions that give a reason («trenger verge fordi …»). */
const PREPOSITIONS = new Set([
  'for',
  'til',
  'med',
  'i',
  'på',
  'om',
  'hos',
  'etter',
  'ved',
  'av',
  'fra',
  'frå',
  'mellom',
  'fordi',
  'siden',
  'sidan',
  'ettersom',
  // English, for the questions asked in it
  'with',
  'about',
  'of',
  'after',
  'from',
  'because',
]);

/**
 * Words that frame a need rather than name it: in «vi sliter med samspillet», «bekymret for
 * skolefraværet», «søke om avlastning» or «vansker med å lese» the need is what follows the preposition.
 */
const FRAMING_WORDS = `sliter slit strever strevar bekymret bekymra uroa urolig uroleg redd engstelig problem problemer problema vansker vanskar plaget plaga
   roter rotar surrer surrar søke søkje søker søkjer søknad slutte slutta sluttet slutter behov behovet råd tips informasjon info samtale samtalar samtaler
   struggles struggling struggle problems difficulty difficulties trouble worried concerned advice`;

/**
 * Words for whom the need is: in «barn med autisme» or «eldre med demens» the need is what follows.
 */
const PERSON_WORDS = `barn barnet barna born borna ungdom ungdommen ungdomen ungdommer ungdomar tenåring tenåringen voksen voksne vaksen vaksne
   eldre pensjonist gutt gutten gut guten jente jenta mann mannen kvinne kvinna kvinnen familie familien familier
   sønn sønnen son sonen datter dattera datteren dotter dottera mor moren mora mamma far faren pappa foreldre foreldra foreldrene
   bestemor bestefar besteforeldre kone kona samboer sambuar nabo naboen elev eleven
   mother mum mom father dad son daughter child children kid kids husband wife partner parents grandmother grandfather
   brother sister neighbour neighbor boy girl teenager elderly baby pupil`;

/** Both frame a need that follows a preposition. */
const FRAMES = new Set(`${FRAMING_WORDS} ${PERSON_WORDS}`.split(/\s+/));

/**
 * Content terms with their role: in "avlastning for foreldre" the head ("avlastning") comes before
 * the first preposition and the rest modifies it. A preposition before any content word
 * ("hvem kontakter jeg for støttekontakt") starts nothing, and one after words that only frame the
 * need ("sliter med …") starts the head.
 */
export function weightedTerms(text: string): { token: string; term: string; head: boolean }[] {
  const result: { token: string; term: string; head: boolean }[] = [];
  let head = true;
  // Where the current head began: a preposition before any content word of it starts nothing.
  let since = 0;
  const tokens = tokenize(text);
  tokens.forEach((token, at) => {
    if (PREPOSITIONS.has(token) && result.length > since) {
      // «(barnet har) problemer med …», «søke om …»: the framing word modifies, the need follows.
      const framing = head && FRAMES.has(result[result.length - 1]!.token);
      if (framing) for (let i = result.length - 1; i >= 0 && FRAMES.has(result[i]!.token); i--) result[i]!.head = false;
      else head = false;
    }
    // «sitter i rullestol og vil på kino», «ungdom på 17 som vil ut i jobb»: a clause that says what is needed names a need again.
    if (NEED_VERBS.has(token) && tokens.slice(Math.max(0, at - 2), at).some((t) => CLAUSE_STARTS.has(t))) [head, since] = [true, result.length];
    // «barnehagen tror at …», «en venn sier han vil …»: who says it frames what is said, which is the need.
    if (SAYING_VERBS.has(token) && SAID.has(tokens[at + 1]!)) {
      for (const term of result) term.head = false;
      result.push({ token, term: stem(token), head: false });
      [head, since] = [true, result.length];
      return;
    }
    if (isStopword(token)) return;
    result.push({ token, term: stem(token), head });
  });
  return result;
}

/** What begins what is said: «sier at …», «sier han vil …». */
const SAID = new Set(['at', 'han', 'hun', 'ho', 'de', 'dei', 'hen']);
const SAYING_VERBS = new Set([
  'tror',
  'trur',
  'mener',
  'meiner',
  'sier',
  'seier',
  'synes',
  'syns',
  'tenker',
  'tenkjer',
  'frykter',
  'fryktar',
  'mistenker',
  'mistenkjer',
]);
/** «… og trenger …», «ungdom som vil ut i jobb»: a clause that begins so and says what is needed names the need. */
const CLAUSE_STARTS = new Set(['og', 'som']);
const NEED_VERBS = new Set(['trenger', 'treng', 'trengs', 'vil', 'ønsker', 'ønskjer', 'må', 'behøver', 'søker', 'søkjer', 'lurer']);

/**
 * The words (lower-cased) a text writes with a capital inside a sentence: in Norwegian only names and
 * acronyms («Norge», «Moa», «NAV»), which are what they are, not misspellings of something else.
 */
export function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const sentence of text.normalize('NFC').split(/[.!?:]\s+/u)) {
    const words = sentence.match(TOKEN) ?? [];
    for (const word of words.slice(1)) if (/^\p{Lu}/u.test(word)) names.add(word.toLowerCase());
  }
  return names;
}

const LINKING = ['', 's', 'e'];
const MIN_PART = 3;

/**
 * Splits a compound into two words, allowing the Norwegian linking -s-/-e-: both parts must be
 * words (`isWord`), and at least one must be `useful` (one the directory knows). Returns the parts
 * (stemmed where the stem is useful), or nothing when no such split exists.
 */
export function splitCompound(term: string, useful: ReadonlySet<string>, isWord: (word: string) => boolean = (word) => useful.has(word)): string[] {
  const known = (word: string) => useful.has(word) || isWord(word);
  // Without a linking letter first: «skolestart» is «skole» + «start», not «skole» + s + «tart».
  for (const link of LINKING) {
    for (let cut = term.length - MIN_PART; cut >= MIN_PART + 1; cut--) {
      const head = term.slice(0, cut);
      if (link && !head.endsWith(link)) continue;
      const rawTail = term.slice(cut);
      const tail = useful.has(stem(rawTail)) ? stem(rawTail) : rawTail;
      if (!known(tail) && !known(stem(rawTail))) continue;
      const first = link ? head.slice(0, -link.length) : head;
      if (first.length < MIN_PART + 1 || !known(first)) continue;
      const lead = useful.has(first) || !useful.has(stem(first)) ? first : stem(first);
      if (useful.has(lead) || useful.has(tail)) return [lead, tail];
    }
  }
  return [];
}

const AGE = /(\d{1,3})\s*-?\s*(?:årene|åra|år|åring|åringen|åringar|åringer|åringane|åringene|års|aar|years?)\b/iu;
/** «jenta på 14», «gut på 9»: an age without «år». */
const OF_AGE = /\b(?:på|paa)\s+(\d{1,2})(?!\s*(?:kr|%|\d|prosent|timar|timer|dager|dagar|uker|veker))\b/iu;
/** «jeg er 17 og …», «han er bare 16»: an age said as what someone is, where the clause ends. */
const IS_AGE = /\b(?:er|blir|fyller|fylte)\s+(?:bare\s+|berre\s+|kun\s+|nesten\s+|snart\s+)?(\d{1,2})(?=\s*(?:$|[,.!?;]|og\b|men\b))/iu;
const AGE_WORDS: [RegExp, number][] = [
  [/\b(baby|spedbarn|nyfødt|nyfødd|newborn|infant)\b/iu, 0],
  [/\b(småbarn|barnehagebarn|barnehagen|barnehage|barnehagar|toddler|kindergarten)\b/iu, 3],
  // a woman with her children is asked about herself: «kvinne som har rømt hjemmefra med barna»
  [/\b(kvinne|kvinna|kvinnen|dame|dama|damen)\b/iu, 40],
  [/\b(barn|born|barnet|barna|borna|ungen|ungane|ungene|child|children|kid|kids)\b/iu, 10],
  [/\b(tenåring|tenåringar|tenåringer|tenåringen|teenager|teenagers|teen|teens)\b/iu, 15],
  [/\b(ungdom|ungdommer|ungdomar|ungdommen|ungdomen|youth|adolescent)\b/iu, 16],
  [/\b(unge)\b/iu, 18],
  [/\b(jenta|jenten|jentene|jentane|gutten|guten|guttene|gutane)\b/iu, 12],
  [/\b(voksen|voksne|vaksen|vaksne|kone|kona|ektemann|ektefelle|ektefellen|samboer|samboeren|sambuar|sambuaren|adult|adults|wife|husband|spouse)\b/iu, 40],
  // parents asking about their son or daughter: a child, unless the question says otherwise (above)
  [/\b(?:sønnen|sonen|datteren|dattera|dottera|sønn|son|datter|dotter)\s+(?:vår|vårt|våre)\b|\b(?:vår|vårt)\s+(?:sønn|son|datter|dotter)\b/iu, 10],
  [/\b(pensjonist|pensjonistar|pensjonister|eldre|elderly|pensioner)\b/iu, 75],
  // the asker's parent: «faren min har demens», «mor mi treng plass på sjukeheim»
  [/\b(far|faren|fars|mor|moren|mora|mamma|pappa)\s+(min|mi|mitt|vår|sin)\b/iu, 60],
  [/\b(min|mi|vår)\s+(far|mor|mamma|pappa)\b/iu, 60],
  [/\b(my|our)\s+(father|mother|mum|mom|dad)\b/iu, 60],
  // …and the parent a question names, when it names no child: «mor har demens», «pappa trenger trygghetsalarm»
  [/^(?!.*\b(?:sønn|sønnen|son|sonen|datter|datteren|dattera|dotter|dottera)\b).*\b(?:mor|moren|mora|mamma|far|faren|pappa)\b/iu, 60],
  [
    /\b(bestemor|bestefar|farmor|farfar|mormor|morfar|besteforeldre|besteforeldra|oldemor|oldefar|grandmother|grandfather|grandma|grandpa|grandparents)\b/iu,
    80,
  ],
];

const NUMBER_WORDS = `null ett to tre fire fem seks sju åtte ni ti elleve tolv tretten fjorten femten seksten sytten atten nitten`.split(' ');
/** «treåringen», «femtenåring», «sjuåringar»: an age in words. */
const AGE_IN_WORDS = new RegExp(`\\b(${[...NUMBER_WORDS, 'syv'].join('|')})-?åring(?:en|ar|er|ane|ene)?\\b`, 'iu');

/** The age a question is about ("16-åring", "barn 5 år", "treåringen", "baby"), if it names one. */
export function ageIn(text: string): number | undefined {
  const match = AGE.exec(text) ?? OF_AGE.exec(text) ?? IS_AGE.exec(text);
  if (match) return Number(match[1]);
  const inWords = AGE_IN_WORDS.exec(text)?.[1]?.toLowerCase();
  if (inWords) return inWords === 'syv' ? 7 : NUMBER_WORDS.indexOf(inWords);
  for (const [pattern, age] of AGE_WORDS) if (pattern.test(text)) return age;
  return undefined;
}

/**
 * A question's lead-in: «hvem kontakter jeg om», «kvar søkjer eg», «hvem kan hjelpe med». Only verbs that
 * ask where to turn are lead-in; one that names what is asked about stays («hvem bestemmer om …»,
 * «hvor melder jeg fra», «hvem vurderer …»).
 */
const LEAD_IN_VERBS =
  'kontakter|kontaktar|kontakte|ringer|ringjer|ringe|spør|spørre|spørje|henvender|vender|kan|får|fikk|hjelper|hjelpe|tar|har|gir|gjev|er|skal|bør|må|går|finner|finn|søker|søkjer|søke|sender|sendar|hører|høyrer';
const LEAD_IN = new RegExp(
  `^\\s*(?:(?:hvem|kven|hvor|kvar)\\s+(?:${LEAD_IN_VERBS})(?:\\s+(?:jeg|eg|man|ein|en|vi|me|du))?(?:\\s+(?:kontakte|ringe|ringje|spørre|spørje|henvende meg|vende meg|hjelpe|søke|søkje))?|(?:kontakt|telefon|nummer|tlf))(?:\\s+(?:for|til|om|med|angående|vedrørende|ved|hos))?\\s+`,
  'iu',
);

/** The topic of a question: "hvem kontakter jeg for støttekontakt?" → "støttekontakt". */
export function questionTopic(text: string): string {
  const topic = text
    .replace(LEAD_IN, '')
    .replace(/[?!.\s]+$/u, '')
    .trim();
  return topic || text.trim();
}
