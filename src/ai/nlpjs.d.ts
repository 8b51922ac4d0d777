/** What the assistant uses of NLP.js; the packages ship no types of their own. */
declare module '@nlpjs/lang-id' {
  export class StemmerId {
    stemWord(word: string): string;
  }
  /** An Indonesian AFINN: word (or emoji) → score from -5 to 5. */
  export const SentimentId: { afinn: Record<string, number> };
}
declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
