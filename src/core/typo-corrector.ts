// Typos and homophones typed with a pinyin keyboard (婚姻登计, 收样, 公按厅): a piece of the question
// that the document does not have is read as a document word with the same toneless pinyin (a
// Fujian ear also hears zh/z, ch/c, sh/s and -ng/-n alike), or, for words of four characters or
// more, one character off. A piece the document really has is never changed.
//
// pinyin-pro costs ≈0.1 s and tens of MB to load, so it is loaded only when a question needs it
// (a question refused as it was typed); most one-shot questions never load it.
import { createRequire } from 'node:module';

export interface Correction {
  typed: string;
  read: string;
}

export interface TypoCorrector {
  /** The question with its typos read as document words, and what was read so; null when nothing was. */
  correct(normalised: string): { text: string; corrections: Correction[] } | null;
}

export interface TypoCorrectorOptions {
  /** Words a typo may be read as (the document's terms, staff words, unit names), built when first needed. */
  targets: () => Iterable<string>;
  /** Pieces never corrected: the document's own text, and every word the vocabulary knows. */
  isKnown: (piece: string) => boolean;
  /** Words that ask (怎么, 负责): a piece never takes part of one (年假怎么 is not 假证). */
  askingWords?: readonly string[];
  /**
   * The segmenter's words of the text: a piece never takes part of one (医保报销 holds no 保报, so
   * no 宝宝), though it may hold whole ones (出身医学证明 → 出生医学证明).
   */
  words?: (text: string) => readonly string[];
  /**
   * Words that may also be reached one character off (default: none). Unit names must not be:
   * 税务局 is not a typo of 商务局.
   */
  byShape?: (word: string) => boolean;
  /** Of several words a piece sounds like, the one to read it as if it alone is preferred (the document's words). */
  preferred?: (word: string) => boolean;
  /** Toneless pinyin of each character (injected in tests; pinyin-pro by default). */
  pinyin?: (text: string) => string[];
}

const HAN = /^[\u3400-\u9fff]+$/u;
const MAX_WORD = 8;
/** One character off only in words this long: shorter ones differ by one character all the time. */
const MIN_SHAPE = 4;

let pinyinPro: ((text: string) => string[]) | undefined;
function loadPinyin(): (text: string) => string[] {
  if (!pinyinPro) {
    const require = createRequire(import.meta.url);
    const { pinyin } = require('pinyin-pro') as typeof import('pinyin-pro');
    pinyinPro = (text) => pinyin(text, { toneType: 'none', type: 'array', v: true });
  }
  return pinyinPro;
}

/** Syllables a southern speaker (and a hurried typist) does not tell apart. */
const fuzzy = (syllable: string) => syllable.replace(/^([zcs])h/, '$1').replace(/([aeiu])ng$/, '$1n');

/** Syllables one letter apart at most (su/suo, ji/jie). */
function nearlySame(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const tail = (x: string, k: number) => x.slice(k);
  return tail(a, i + 1) === tail(b, i + 1) || tail(a, i) === tail(b, i + 1) || tail(a, i + 1) === tail(b, i);
}

/** Longest text read for typos: the chat's question limit. */
const MAX_TYPO_TEXT = 1000;

export function createTypoCorrector(o: TypoCorrectorOptions): TypoCorrector {
  let index:
    | { sound: Map<string, Set<string>>; spelled: Map<string, Set<string>>; shape: Map<string, Set<string>>; pinyin: (t: string) => string[] }
    | undefined;
  const build = () => {
    const pinyin = o.pinyin ?? loadPinyin();
    const sound = new Map<string, Set<string>>();
    // The same sounds written as one run of letters (hu学岗 is 护学岗: huxuegang).
    const spelled = new Map<string, Set<string>>();
    const shape = new Map<string, Set<string>>();
    const add = (m: Map<string, Set<string>>, k: string, w: string) => {
      const s = m.get(k);
      if (s) s.add(w);
      else m.set(k, new Set([w]));
    };
    for (const w of o.targets()) {
      const chars = [...w];
      if (chars.length < 2 || chars.length > MAX_WORD || !HAN.test(w)) continue;
      add(sound, pinyin(w).map(fuzzy).join(' '), w);
      add(spelled, pinyin(w).join(''), w);
      if (chars.length >= MIN_SHAPE && o.byShape?.(w)) chars.forEach((_, i) => add(shape, chars.map((c, j) => (j === i ? '*' : c)).join(''), w));
    }
    return { sound, spelled, shape, pinyin };
  };

  /** The one document word a piece may be read as, or undefined (none, or more than one). */
  const readAs = (piece: string, syllables: string[]): string | undefined => {
    const { sound, shape, pinyin } = index!;
    const bySound = new Set(sound.get(syllables.map(fuzzy).join(' ')) ?? []);
    bySound.delete(piece);
    // The same sound is surer than one character off (心理输导 is 心理疏导, not 心理辅导); among words
    // of the same sound, the document's own (代孕, not the staff word 代运).
    if (bySound.size === 1) return [...bySound][0];
    const own = [...bySound].filter((w) => o.preferred?.(w));
    if (own.length === 1) return own[0];
    const found = new Set(bySound);
    const chars = [...piece];
    if (chars.length >= MIN_SHAPE) {
      chars.forEach((_, i) => {
        // One character off, and that character sounds nearly the same (场素/场所, not 消防/边防).
        for (const w of shape.get(chars.map((c, j) => (j === i ? '*' : c)).join('')) ?? []) {
          if (nearlySame(fuzzy(syllables[i] ?? ''), fuzzy(pinyin([...w][i]!)[0] ?? ''))) found.add(w);
        }
      });
    }
    found.delete(piece);
    return found.size === 1 ? [...found][0] : undefined;
  };

  /**
   * Pinyin typed as letters inside a word (hu学岗, liushou儿童, jian察院): the letters with up to
   * three characters either side, read as the one document word spelled so.
   */
  const readLetters = (q: string): { text: string; corrections: Correction[] } | null => {
    const { spelled, pinyin } = index!;
    const corrections: Correction[] = [];
    const sound = (han: string) => (han ? pinyin(han).join('') : '');
    let out = '';
    let from = 0;
    for (const m of q.matchAll(/[a-z]{2,24}/g)) {
      const at = m.index!;
      const end = at + m[0].length;
      let done = false;
      for (let before = Math.min(3, at - from); before >= 0 && !done; before--) {
        const head = q.slice(at - before, at);
        if (head && !HAN.test(head)) continue;
        for (let after = 3; after >= 0 && !done; after--) {
          const tail = q.slice(end, end + after);
          if (tail.length !== after || (tail && !HAN.test(tail))) continue;
          const found = spelled.get(sound(head) + m[0] + sound(tail));
          if (found?.size !== 1) continue;
          const read = [...found][0]!;
          corrections.push({ typed: head + m[0] + tail, read });
          out += q.slice(from, at - before) + read;
          from = end + after;
          done = true;
        }
      }
    }
    return corrections.length ? { text: out + q.slice(from), corrections } : null;
  };

  // Asking words a piece may not take part of: single characters only when they surely ask.
  const askingWords = (o.askingWords ?? []).filter((w) => [...w].length >= 2 || /^[谁啥的了吗呢么]$/.test(w));

  return {
    correct(q) {
      // Typos are read in questions (chat and ask cut at 1,000 characters); longer text is left as typed.
      if (q.length > MAX_TYPO_TEXT) return null;
      index ??= build();
      const spelledOut = /[a-z]/.test(q) ? readLetters(q) : null;
      if (spelledOut) q = spelledOut.text;
      const chars = [...q];
      const syllables = index.pinyin(q);
      // pinyin-pro gives one entry per character; anything else means it read the text otherwise.
      if (syllables.length !== chars.length) return spelledOut;
      const joined = chars.join('');
      // Code-point index of each UTF-16 index, so a found word is placed without re-counting the text.
      const at = new Int32Array(joined.length + 1);
      let offset = 0;
      chars.forEach((ch, c) => {
        at[offset] = at[offset + ch.length - 1] = c;
        offset += ch.length;
      });
      at[offset] = chars.length;
      /** Each place a word occurs (distinct words once, so a repeated word costs its occurrences only). */
      const places = (words: Iterable<string>, each: (start: number, end: number) => void) => {
        for (const w of new Set(words)) {
          const len = [...w].length;
          for (let u = joined.indexOf(w); u >= 0; u = joined.indexOf(w, u + 1)) each(at[u]!, at[u]! + len);
        }
      };
      // Characters inside an asking word: no piece may hold them.
      const asking = new Uint8Array(chars.length);
      places(askingWords, (a, b) => asking.fill(1, a, b));
      // Where segmenter words lie: a piece must not cut one, so no boundary of a piece may fall inside one.
      const inside = new Uint8Array(chars.length + 1);
      places((o.words?.(joined) ?? []).filter((w) => [...w].length >= 2), (a, b) => inside.fill(1, a + 1, b));
      const cutsWord = (from: number, to: number) => inside[from] === 1 || inside[to] === 1;
      const corrections: Correction[] = [];
      const out: string[] = [];
      let i = 0;
      while (i < chars.length) {
        let done = false;
        for (let n = Math.min(MAX_WORD, chars.length - i); n >= 2 && !done; n--) {
          const piece = chars.slice(i, i + n).join('');
          if (!HAN.test(piece) || asking.subarray(i, i + n).includes(1) || cutsWord(i, i + n) || o.isKnown(piece)) continue;
          const read = readAs(piece, syllables.slice(i, i + n));
          if (!read) continue;
          corrections.push({ typed: piece, read });
          out.push(read);
          i += n;
          done = true;
        }
        if (!done) out.push(chars[i++]);
      }
      if (spelledOut) corrections.unshift(...spelledOut.corrections);
      return corrections.length ? { text: out.join(''), corrections } : null;
    },
  };
}
