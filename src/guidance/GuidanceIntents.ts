import MiniSearch from 'minisearch';
import { stem, tokenize } from '../language/norwegianText.js';
import type { GuidanceTopic } from '../i18n/guidance.js';

/**
 * How people ask about each topic, in bokmål, nynorsk and English. Each phrase is one document:
 * a question matches a topic when it holds enough of one of its phrases.
 */
const CUES: Record<GuidanceTopic, readonly string[]> = {
  role: [
    'koordinator',
    'hva gjør en koordinator',
    'kva gjer ein koordinator',
    'koordinatorrollen',
    'koordinatorrolla',
    'koordinator rolle',
    'rollen som koordinator',
    'rolla som koordinator',
    'oppgaver koordinator',
    'oppgåver koordinator',
    'koordinatorens oppgaver',
    'hva innebærer det å være koordinator',
    'kva inneber det å vere koordinator',
    'hva forventes av koordinator',
    'what does a coordinator do',
    'coordinator role',
    'coordinator tasks',
  ],
  notRole: [
    'hva er ikke koordinatorrollen',
    'kva er ikkje koordinatorrolla',
    'hva skal koordinator ikke gjøre',
    'kva skal koordinator ikkje gjere',
    'ikke koordinatorens oppgave',
    'koordinator fritid',
    'må koordinator gjøre alt',
    'må eg gjere alt',
    'what is the coordinator not',
    'not the coordinators job',
  ],
  whoCan: [
    'hvem kan være koordinator',
    'kven kan vere koordinator',
    'hvem kan bli koordinator',
    'kven kan bli koordinator',
    'krav til koordinator',
    'hvem blir koordinator',
    'who can be coordinator',
  ],
  children: [
    'koordinator for barn',
    'koordinator for born',
    'barn og unge koordinator',
    'born og unge',
    'foreldre koordinator barn',
    'coordinator for children',
  ],
  childCoordinator: [
    'barnekoordinator',
    'hva er en barnekoordinator',
    'kva er ein barnekoordinator',
    'rett til barnekoordinator',
    'barnekoordinator oppgaver',
    'barnekoordinator oppgåver',
    'familie med alvorlig sykt barn',
    'child coordinator',
    'what is a child coordinator',
  ],
  training: [
    'opplæring koordinator',
    'opplæring i koordinatorrollen',
    'koordinatorskolen',
    'koordinatorskulen',
    'kurs for koordinator',
    'kurs koordinator',
    'frist opplæring',
    'seks måneder opplæring',
    '6 måneder opplæring',
    'veiledning koordinator',
    'rettleiing koordinator',
    'training coordinator',
    'coordinator school',
  ],
  ip: [
    'individuell plan',
    'hva er individuell plan',
    'kva er individuell plan',
    'hva er ip',
    'kva er ip',
    'ip',
    'innhold i individuell plan',
    'innhaldet i individuell plan',
    'hva skal stå i planen',
    'kva skal stå i planen',
    'skrive individuell plan',
    'evaluering av plan',
    'evaluere ip',
    'revidere planen',
    'individual plan',
    'what is an ip',
  ],
  meetings: [
    'koordineringsmøte',
    'koordineringsmøter',
    'ansvarsgruppe',
    'ansvarsgruppemøte',
    'ansvarsgruppemøter',
    'møte med samarbeidspartnere',
    'samarbeidsmøte',
    'referat fra møte',
    'hvem skal være med på møtet',
    'kven skal vere med på møtet',
    'coordination meeting',
    'responsibility group',
  ],
  start: [
    'oppstart',
    'oppstart ip',
    'starte som koordinator',
    'ny koordinator hva gjør jeg',
    'ny koordinator kva gjer eg',
    'komme i gang',
    'første møte',
    'første samtale',
    'samtykkeerklæring',
    'starting as coordinator',
  ],
  followUp: [
    'oppfølging',
    'oppfølging av ip',
    'følge opp',
    'følgje opp',
    'oppfølging av individuell plan',
    'prioritere saken',
    'arbeidet stopper opp',
    'follow up',
  ],
  report: [
    'melde behov',
    'meldeskjema',
    'melde inn behov',
    'hvordan melder jeg',
    'korleis melder eg',
    'søke om koordinator',
    'søkje om koordinator',
    'søke individuell plan',
    'meldeplikt',
    'samtykke',
    'trenger samtykke',
    'treng samtykke',
    'plikt til å melde',
    'report a need',
    'how do i report',
  ],
  appointment: [
    'hvordan utpekes koordinator',
    'korleis vert koordinator peika ut',
    'utpeke koordinator',
    'oppnevne koordinator',
    'oppnemne koordinator',
    'hvem bestemmer hvem som blir koordinator',
    'how is a coordinator appointed',
  ],
  change: [
    'endringsskjema',
    'bytte koordinator',
    'byte koordinator',
    'ny koordinator',
    'skifte koordinator',
    'endring av koordinator',
    'går ut av stillingen',
    'slutter i jobben',
    'permisjon koordinator',
    'takker nei til individuell plan',
    'takkar nei til individuell plan',
    'change coordinator',
  ],
  transfer: [
    'overføring',
    'overføre saken',
    'overføre saka',
    'overføre ip',
    'overføring av ip',
    'gi saken til en annen',
    'gje saka til ein annan',
    'transfer case',
    'hand over',
  ],
  closing: [
    'avslutte saken',
    'avslutte saka',
    'avslutning',
    'avslutte ip',
    'avslutning av ip',
    'avslutte individuell plan',
    'avslutte koordinator',
    'close the case',
    'closing',
  ],
  ke: ['koordinerende enhet', 'koordinerande eining', 'hva er ke', 'kva er ke', 'ke', 'systemkoordinator', 'hva gjør ke', 'kva gjer ke', 'coordinating unit'],
  leader: [
    'lederansvar',
    'leiaransvar',
    'lederens ansvar',
    'ansvaret til leiaren',
    'leder ansvar koordinator',
    'leiar ansvar koordinator',
    'som leder',
    'som leiar',
    'leader responsibility',
  ],
  law: [
    'lov',
    'lovverk',
    'lovgrunnlag',
    'lovgrunnlaget',
    'juridisk grunnlag',
    'paragraf',
    'hjemmel',
    'heimel',
    'forskrift',
    'pasient og brukerrettighetsloven',
    'pasient og brukarrettslova',
    'helse og omsorgstjenesteloven',
    'helse og omsorgstenestelova',
    'helsepersonelloven',
    'rettigheter',
    'rettar',
    'legal basis',
    'law',
  ],
  complaint: [
    'klage på koordinator',
    'klage på avslag',
    'klageadgang',
    'klagetilgang',
    'klage på vedtak om individuell plan',
    'klage koordinator',
    'appeal a refusal',
    'complain about coordinator',
  ],
};

/** Question words and fillers; «ikke» stays, it changes what is asked. */
const FILLERS = new Set(
  `hva kva hvordan korleis når kor er være vere bli blir vert en ei et ein eit og i på av for til med som det den de dei jeg eg du vi me meg deg min mitt mine
   kan skal må bør vil om hvilke hvilken hvilket kva for gjelder gjeld seg sin si sitt at så da då the a an is what how do does who of to i my`
    .split(/\s+/)
    .filter(Boolean),
);

/** A token as the index and the questions both see it: fillers dropped, the rest stemmed. */
const guidanceTerm = (token: string): string | null => (FILLERS.has(token) ? null : stem(token));

function guidanceTerms(text: string): string[] {
  return tokenize(text)
    .map(guidanceTerm)
    .filter((term): term is string => term !== null);
}

interface Cue {
  id: number;
  topic: GuidanceTopic;
  text: string;
  size: number;
}

export interface GuidanceMatch {
  topic: GuidanceTopic;
  score: number;
}

/** Share of a phrase's content words a question must hold to be about that phrase's topic. */
const MIN_COVERAGE = 0.6;
/** A question with many words of which only one hits a phrase is rarely about the phrase. */
const MIN_QUESTION_SHARE = 0.34;

/** How many recent questions' readings are kept. */
const QUESTIONS_KEPT = 1_000;

/**
 * Intent detection for guidance questions in free text (bokmål, nynorsk, English): MiniSearch
 * (BM25, fuzzy for typos) over the phrases above, accepting a match only when it covers most of a
 * phrase and a fair share of the question, so «avlastning» still goes to the service directory.
 */
export class GuidanceIntents {
  private readonly index: MiniSearch<Cue>;
  private readonly cues: Cue[] = [];
  /** Questions read lately and what they were (null: not guidance), most recent last: people ask the same things. */
  private readonly recent = new Map<string, GuidanceMatch | null>();

  constructor() {
    let id = 0;
    for (const [topic, phrases] of Object.entries(CUES) as [GuidanceTopic, readonly string[]][]) {
      for (const text of phrases) this.cues.push({ id: id++, topic, text, size: new Set(guidanceTerms(text)).size });
    }
    this.index = new MiniSearch<Cue>({ fields: ['text'], storeFields: [], tokenize, processTerm: guidanceTerm });
    this.index.addAll(this.cues);
  }

  /** The topic a question is about, or undefined when it is not a guidance question. */
  match(question: string): GuidanceMatch | undefined {
    const known = this.recent.get(question);
    if (known !== undefined) {
      this.recent.delete(question);
      this.recent.set(question, known);
      return known ?? undefined;
    }
    const found = this.read(question);
    this.recent.set(question, found ?? null);
    if (this.recent.size > QUESTIONS_KEPT) this.recent.delete(this.recent.keys().next().value!);
    return found;
  }

  private read(question: string): GuidanceMatch | undefined {
    const asked = new Set(guidanceTerms(question));
    if (asked.size === 0) return undefined;
    let best: (GuidanceMatch & { coverage: number }) | undefined;
    for (const result of this.index.search(question, { combineWith: 'OR', fuzzy: (term) => (term.length >= 6 ? 0.2 : false) })) {
      const cue = this.cues[result.id as number]!;
      const matched = new Set(result.queryTerms).size;
      const coverage = Math.min(1, matched / cue.size);
      if (coverage < MIN_COVERAGE || matched / asked.size < MIN_QUESTION_SHARE) continue;
      // The phrase covered best wins; among equals, the stronger match.
      if (!best || coverage > best.coverage || (coverage === best.coverage && result.score > best.score))
        best = { topic: cue.topic, score: result.score, coverage };
    }
    return best && { topic: best.topic, score: best.score };
  }
}
