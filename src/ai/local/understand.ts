import { languageOf, normalize, STOPWORDS, tokenize, visitorLanguage, type Language, type Token } from '../language';
import { asksForHuman, asksForInstructions, asksWhatItIs, cueWords, hasCue, isGreeting, SHAPE_CUES, SOCIAL_CUES, topicsOf, type Topic } from '../topics';
import { correctTypos, type Entity, type PortfolioIndex } from './portfolio-index';

/**
 * What the visitor's latest message asks, read in the light of the
 * conversation before it: its kind (a question, thanks, a goodbye, anger…),
 * its language, its topics, the shape of the question, and the things it
 * names or, through "it", "that one", "di situ", refers back to.
 */

export type Turn = { role: 'user' | 'assistant'; text: string };

export type Social = 'greeting' | 'thanks' | 'goodbye' | 'compliment' | 'back' | 'smallTalk';

type Shape = { [K in keyof typeof SHAPE_CUES]: boolean };

export type Understanding =
  | { kind: 'instructions' | 'human' | 'angry' | 'identity'; language: Language }
  | { kind: 'social'; social: Social; language: Language }
  | {
      kind: 'question';
      language: Language;
      topics: Topic[];
      shape: Shape;
      /** Things the message names itself, in the order it names them. */
      named: Entity[];
      /** The thing the conversation was last about, when the message refers back to it. */
      referred: Entity | null;
      /** Content words the portfolio never mentions: what it cannot speak to. */
      unknownTerms: string[];
      /** The same, as the visitor wrote them ("Rust", not "rust"), for an answer that names them. */
      unknownWritten: string[];
      /** Content words the portfolio mentions but no name or cue covers ("Express" inside a description). */
      otherTerms: string[];
    };

/** Messages looked back through for the language and for what "it" refers to. */
const LOOKBACK = 10;

/**
 * The things a text names, in order, longest name first at each position
 * ("Kopiloka Storefront" is the project, not the company inside it), and the
 * words those names took up. `corrected` is the text's words after typo
 * correction, when the caller has them.
 */
function namesIn(text: string, index: PortfolioIndex, language: Language | null, corrected?: string[]) {
  const tokens = corrected ?? normalize(text).split(' ');
  const entities: Entity[] = [];
  const nameWords = new Set<string>();
  for (let start = 0; start < tokens.length; start++) {
    for (let length = Math.min(index.longestName, tokens.length - start); length > 0; length--) {
      const name = tokens.slice(start, start + length);
      const joined = name.join(' ');
      const [entity] = index.names.get(joined) ?? [];
      if (!entity || (index.shortNames.has(joined) && language !== 'id' && !writtenAsName(text, joined))) continue;
      if (!entities.includes(entity)) entities.push(entity);
      for (const word of name) nameWords.add(word);
      start += length - 1;
      break;
    }
  }
  return { entities, nameWords };
}

/** "Go" or "GO" written as a name, not the verb "go". */
function writtenAsName(text: string, name: string): boolean {
  const pattern = new RegExp(`(?<![A-Za-z])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`, 'gi');
  return [...text.matchAll(pattern)].some((match) => match[0][0] !== match[0][0]!.toLowerCase());
}

/** What an earlier turn was about: for an answer, the first thing it names (answers put their subject first). */
function focusOf(turns: Turn[], index: PortfolioIndex, language: Language): Entity | null {
  for (const turn of [...turns].reverse()) {
    const [first] = namesIn(turn.text, index, turn.role === 'user' ? (languageOf(turn.text) ?? language) : null).entities;
    if (first) return first;
  }
  return null;
}

const SOCIAL_ORDER: Exclude<Social, 'greeting'>[] = ['back', 'goodbye', 'thanks', 'smallTalk', 'compliment'];

/** Words that address the visitor's counterpart or pad a polite message ("makasih banyak kak", "impressive work"). */
const VOCATIVES = new Set(
  'there kak kakak mas mbak bang gan om bos min admin bro sis all everyone ya dong deh nih sir maam buddy banyak sekali so much lot work job stuff portfolio site answer info help again'.split(' '),
);
const OWNER_WORDS = new Set('you your yours kamu anda mu'.split(' '));

/** Words left once stopwords, vocatives and the matched phrases' words are gone: what a message asks beyond being polite. */
function contentLeft(tokens: Token[], phrases: Token[][]): Token[] {
  const polite = new Set(phrases.flat().map((token) => token.word));
  const padding = (token: Token) => VOCATIVES.has(token.word) || VOCATIVES.has(token.en) || VOCATIVES.has(token.id);
  return tokens.filter((token) => !polite.has(token.word) && !STOPWORDS.has(token.word) && !padding(token) && token.word.length > 1);
}

export function understand(conversation: Turn[], index: PortfolioIndex): Understanding {
  const history = conversation.slice(-LOOKBACK);
  const latest = history.at(-1)?.text ?? '';
  const earlier = history.slice(0, -1);
  const language = visitorLanguage(history.filter((turn) => turn.role === 'user').map((turn) => turn.text).reverse());

  if (asksForInstructions(latest)) return { kind: 'instructions', language };
  if (asksForHuman(latest)) return { kind: 'human', language };
  const tokens = correctTypos(tokenize(latest), index);
  if (hasCue(tokens, SOCIAL_CUES.angry)) return { kind: 'angry', language };
  if (asksWhatItIs(latest)) return { kind: 'identity', language };
  const normalized = normalize(latest);
  if (isGreeting(normalized)) return { kind: 'social', social: 'greeting', language };

  const { entities: named, nameWords } = namesIn(latest, index, language, tokens.map((token) => token.word));
  const social = SOCIAL_ORDER.filter((kind) => hasCue(tokens, SOCIAL_CUES[kind]));
  if (social.length > 0 && named.length === 0) {
    const phrases = social.flatMap((kind) => SOCIAL_CUES[kind]);
    // A greeting on top ("Hi, thanks!") is still only polite.
    if (contentLeft(tokens, phrases).every((token) => isGreeting(token.word))) return { kind: 'social', social: social[0]!, language };
  }

  // "Kedai Kode" is a company, not a question about code.
  const asked = tokens.filter((token) => !nameWords.has(token.word));
  const shape = Object.fromEntries(Object.entries(SHAPE_CUES).map(([name, phrases]) => [name, hasCue(asked, phrases)])) as Shape;
  const topics = topicsOf(asked);
  const terms = contentLeft(asked, []).filter((token) => token.word.length >= 3 && !/^\d+$/.test(token.word) && !isCueWord(token));
  const isKnown = (token: Token) => index.known.has(token.word) || index.known.has(token.en) || index.known.has(token.id);
  const unknownTerms = [...new Set(terms.filter((token) => !isKnown(token)).map((token) => token.word))];
  const otherTerms = [...new Set(terms.filter(isKnown).map((token) => token.word))];
  // "-nya" in "kodenya", "di situ", "it"; a question with nothing of its own to be about ("and before that one?");
  // or one asking the stack, date or link of something it does not name, and not of "you" ("pake teknologi apa?").
  const aboutOwner = asked.some((token) => OWNER_WORDS.has(token.word));
  const refersBack =
    shape.reference ||
    asked.some((token) => token.word.endsWith('nya') && token.word.length > 5) ||
    (topics.length === 0 && unknownTerms.length === 0) ||
    ((shape.stack || shape.when || shape.duration || shape.link) && !aboutOwner);
  // "Does it use Tailwind?": a technology named, the project it is asked about referred to.
  const referred = named.every((entity) => entity.kind === 'tech') && refersBack ? focusOf(earlier, index, language) : null;
  const unknownWritten = unknownTerms.map((term) => new RegExp(`(?<![\\p{L}\\d])${term.replace(/[+#]/g, '\\$&')}(?![\\p{L}\\d])`, 'iu').exec(latest)?.[0] ?? term);
  return { kind: 'question', language, topics, shape, named, referred, unknownTerms, unknownWritten, otherTerms };
}

/** Words that say how a question is asked or what about, never a thing the portfolio might lack. */
const CUE_WORDS = new Set(
  [
    ...cueWords(),
    ...tokenize(
      'kind type sort prefer usually mostly main mainly favorite anything something everything stuff thing good best info ' +
        'information details share summary short brief quick question ask wondering look view check number address years ' +
        'year months month time long ago since start started begin began tahun bulan waktu mulai jenis macam gitu ' +
        'punya tell more some also other else whole full personal own public cerita ceritain kasih tau minta would see ' +
        'send yet still again one ones thing guys jadi sebagai',
    ),
  ].flatMap((token) => [token.word, token.en, token.id]),
);
const isCueWord = (token: Token) => CUE_WORDS.has(token.word) || CUE_WORDS.has(token.en) || CUE_WORDS.has(token.id);
