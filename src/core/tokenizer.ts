// Word segmentation behind an interface, so the dictionary (and its ≈1 s / 300 MB load) can be
// swapped later without touching the index or the intents.
import { createRequire } from 'node:module';

export interface Tokenizer {
  /** Words of an already normalised text, in order; may contain spaces and punctuation. */
  tokenize(text: string): string[];
  /** Make sure these words come out whole (unit names, the document's own terms). */
  addWords?(words: Iterable<string>): void;
}

type Jieba = typeof import('nodejieba');

let jieba: Jieba | undefined;
const inserted = new Set<string>();

/** nodejieba is loaded once per process: load() again would drop every inserted word. */
function loadJieba(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    jieba = require('nodejieba') as Jieba;
    jieba.load(); // default dictionaries; a trimmed one is a later speed issue
  }
  return jieba;
}

/**
 * jieba in search mode: long words come out whole and also as their parts
 * (婚姻登记 → 婚姻, 登记, 婚姻登记), so a partial question still meets the clause.
 */
export function createJiebaTokenizer(words: Iterable<string> = []): Tokenizer {
  const j = loadJieba();
  const addWords = (list: Iterable<string>) => {
    for (const w of list) {
      if (w.length < 2 || inserted.has(w)) continue;
      j.insertWord(w);
      inserted.add(w);
    }
  };
  addWords(words);
  return {
    addWords,
    tokenize(text) {
      const out = j.cutForSearch(text, true);
      // jieba can still cut across an added word when the dictionary prefers another split
      // (做好转学 → 做/好转/学); an added word present in the text is always emitted.
      const seen = new Set(out);
      for (const w of inserted) if (!seen.has(w) && text.includes(w)) out.push(w);
      return out;
    },
  };
}
