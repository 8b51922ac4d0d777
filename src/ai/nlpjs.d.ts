/** The two NLP.js classes the assistant uses; the packages ship no types of their own. */
declare module '@nlpjs/lang-id' {
  export class StemmerId {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
