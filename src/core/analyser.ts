// Text → retrieval terms. The same steps run over clauses and questions, so both sides agree:
// normalise, segment, then map each word (unit alias → canonical unit, synonym → the document's
// words, question word → dropped).
import { normaliseText, PUNCTUATION } from './normalise.js';
import { remembered } from './remembered.js';
import type { Tokenizer } from './tokenizer.js';
import type { UnitFinder } from './unit-finder.js';

export interface Analyser {
  /** Normalise and segment (MiniSearch `tokenize`). */
  tokenize(text: string): string[];
  /** One word → its retrieval terms, or null to drop it (MiniSearch `processTerm`). */
  processTerm(word: string): string[] | null;
  /** True for a term that names a unit rather than a topic. */
  isUnitTerm(term: string): boolean;
  /**
   * The words a question is about: each longest word (search mode also emits its parts) with its
   * terms and its parts' terms. Question words and unit names are left out.
   */
  topicWords(text: string): TopicWord[];
  /** About to read all these texts: the tokenizer makes ready for them at once. */
  prepare(texts: readonly string[]): void;
  /**
   * Nothing but question words, read on the characters rather than the segmenter's words: jieba may
   * cut 牵头加配合一共多少条 into 加配/合一/共多/少条, none of them a question word, though the text
   * only asks. Longest question word first at each place; what is left must be single characters
   * (加, 条), never two in a row.
   */
  onlyAsks(text: string): boolean;
}

export interface TopicWord {
  word: string;
  terms: string[];
  /** Terms of the shorter words inside it (学校门口 → 学校, 门口 …), each part's terms apart. */
  parts: string[][];
}

export interface AnalyserOptions {
  tokenizer: Tokenizer;
  units: UnitFinder;
  synonyms: Readonly<Record<string, readonly string[]>>;
  questionWords: readonly string[];
}

const CJK_CHAR = /^[\u3400-\u9fff]$/;

/**
 * jieba glues question words together (谁查, 没人管): such a word asks, it is not a topic. Only the
 * last `longest` positions can start a question word ending here, so this is linear in the word's
 * length (a 200,000-letter "word" took 87 s when every start was tried).
 */
function madeOfQuestionWords(word: string, stop: ReadonlySet<string>, longest: number): boolean {
  const ok: boolean[] = [true];
  for (let end = 1; end <= word.length; end++) {
    ok[end] = false;
    for (let start = Math.max(0, end - longest); start < end && !ok[end]; start++) ok[end] = ok[start] && stop.has(word.slice(start, end));
  }
  return ok[word.length];
}

/** Longest word looked for inside another: far above any dictionary word, unit name or domain term. */
const MAX_PART = 32;

/**
 * For each word, the other words (of at most MAX_PART characters) it contains, in the order of
 * `words`. Looks up the word's substrings of the lengths the words have instead of testing every
 * pair of words, which grows with the square of a long question's length; this stays linear.
 */
function wordsInside(words: readonly string[]): Map<string, string[]> {
  const order = new Map(words.map((w, i) => [w, i]));
  const lengths = [...new Set(words.map((w) => w.length))].filter((n) => n <= MAX_PART);
  const inside = new Map<string, string[]>();
  for (const word of words) {
    const found = new Set<string>();
    for (const n of lengths) {
      if (n >= word.length) continue;
      for (let i = 0; i + n <= word.length; i++) {
        const part = word.slice(i, i + n);
        if (order.has(part)) found.add(part);
      }
    }
    if (found.size > 0) inside.set(word, [...found].sort((a, b) => order.get(a)! - order.get(b)!));
  }
  return inside;
}

/** Results are shared between callers: frozen, so no caller can change another's. */
const frozen = <T>(x: T): T => (Array.isArray(x) ? (Object.freeze(x) as T) : x);

/**
 * Questions (and their typo readings) whose segmentation and topic words are remembered: a chat
 * sees the same questions again. A few thousand cost a few MB; at 1,000 the 1,575 eval questions
 * of the benchmark pushed each other out and doubled the median query time.
 */
export const QUESTIONS_REMEMBERED = 4_096;

export function createAnalyser(o: AnalyserOptions): Analyser {
  const stop = new Set(o.questionWords.map(normaliseText));
  const longestStop = Math.max(0, ...[...stop].map((w) => w.length));
  const unitNames = new Set(o.units.words().map((w) => o.units.canonical(w)!));

  const isQuestionWord = (word: string) => stop.has(word) || madeOfQuestionWords(word, stop, longestStop);

  const processWord = (raw: string): string[] | null => {
    const word = raw.trim();
    if (!word || [...word].every((c) => PUNCTUATION.test(c) || /\s/.test(c))) return null;
    const unit = o.units.canonical(word);
    if (unit) return [unit];
    const syn = o.synonyms[word];
    if (syn) return [...syn];
    if (isQuestionWord(word)) return null;
    // A lone character is too vague to retrieve by (and is mostly a particle or a typo's debris).
    if (CJK_CHAR.test(word)) return null;
    return [word];
  };

  const onlyAsks = (text: string): boolean => {
    let run = 0;
    for (let i = 0; i < text.length; ) {
      let n = Math.min(longestStop, text.length - i);
      while (n > 0 && !stop.has(text.slice(i, i + n))) n--;
      if (n > 0) {
        run = 0;
        i += n;
        continue;
      }
      run = /[\p{L}\p{N}]/u.test(text[i]!) ? run + 1 : 0;
      if (run >= 2) return false;
      i++;
    }
    return true;
  };

  /** A word that only asks: neither a unit nor a staff word, and made of question words. */
  const asks = (word: string) => !o.units.canonical(word) && !o.synonyms[word] && isQuestionWord(word);
  const processTerm = remembered((word) => frozen(processWord(word)), 50_000);
  const tokenize = remembered((text) => frozen(o.tokenizer.tokenize(normaliseText(text))), QUESTIONS_REMEMBERED);

  const topicWords = remembered((text: string): TopicWord[] => {
    const words = [...new Set(tokenize(text).map((w) => w.trim()).filter(Boolean))];
    const inside = wordsInside(words);
    const contained = new Set([...inside.values()].flat());
    const longest = words.filter((w) => !contained.has(w));
    const out: TopicWord[] = [];
    for (const word of longest) {
      // A word that asks (哪几件事, 查清楚) asks with all its pieces: 几件 or 查清 is no topic either.
      if (asks(word)) continue;
      const terms = processTerm(word) ?? [];
      if (terms.some((t) => unitNames.has(t))) continue;
      const parts = (inside.get(word) ?? [])
        .map((o) => processTerm(o) ?? [])
        .filter((ts) => ts.length > 0 && !ts.some((t) => unitNames.has(t)));
      if (terms.length || parts.length) out.push({ word, terms, parts });
    }
    return frozen(out);
  }, QUESTIONS_REMEMBERED);

  return {
    tokenize,
    processTerm,
    isUnitTerm: (t) => unitNames.has(t),
    topicWords,
    prepare: (texts) => o.tokenizer.prepare?.(texts.map(normaliseText)),
    onlyAsks,
  };
}
