// Word segmentation behind an interface, so the dictionary can be swapped without touching the
// index or the intents.
//
// nodejieba segments with a trimmed dictionary built by src/build/trim-dictionary.ts (a fraction
// of the full one's ≈1 s and ≈300 MB to load) and is kept exactly as segmenting as the full one:
//   - a text containing a word that was left out of the file (a rare word in a question) gets it
//     loaded with its own frequency (texts are checked against hashes of the left-out words);
//   - words jieba is told to keep whole get the weight insertWord would give them with the full
//     dictionary (its median), written out in a user dictionary: insertWord would use the
//     trimmed file's median instead.
// Either means loading again, so words are collected until a text needs them; a one-shot command
// can name its question first (prefetchWords) and load once.
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectRoot } from '../knowledge/paths.js';
import { normaliseText } from './normalise.js';

export interface Tokenizer {
  /** Words of an already normalised text, in order; may contain spaces and punctuation. */
  tokenize(text: string): string[];
  /** Make sure these words come out whole (unit names, the document's own terms). */
  addWords?(words: Iterable<string>): void;
  /**
   * About to segment all these (normalised) texts: make ready for them at once. The trimmed
   * dictionary loads the words each text needs; one load for a batch, not one per text.
   */
  prepare?(texts: Iterable<string>): void;
}

type Jieba = typeof import('nodejieba');
/** nodejieba's default paths exist at runtime but are not in its typings. */
interface JiebaDefaults {
  DEFAULT_DICT: string;
  DEFAULT_HMM_DICT: string;
  DEFAULT_USER_DICT: string;
  DEFAULT_IDF_DICT: string;
  DEFAULT_STOP_WORD_DICT: string;
}

export const DICTIONARY_FILES = {
  dict: 'jieba.dict.utf8',
  userDict: 'user.dict.utf8',
  idfDict: 'idf.utf8',
  /** The words left out of dict, grouped by first character, and where each group is. */
  rest: 'rest.utf8',
  restIndex: 'rest-index.json',
  /** Sorted FNV-1a hashes of the left-out words (uint32, little-endian). */
  restHashes: 'rest-hashes.bin',
  /** Per bucket of first two UTF-16 code units (bigramBucket), the longest left-out word (bytes). */
  restLongest: 'rest-longest.bin',
  manifest: 'manifest.json',
};

/** What the build writes next to the trimmed dictionary. */
export interface DictionaryManifest {
  nodejieba: string;
  /** Byte size of the full dictionary it was trimmed from: a reinstall that changes it is noticed. */
  sourceBytes: number;
  sourceSha256: string;
  /** The full dictionary's median frequency: the weight insertWord would give an added word. */
  medianFreq: number;
  minFreq: number;
  domainWords: number;
  words: number;
  sourceWords: number;
  freqSum: number;
}

/** Where `npm run build` puts the trimmed dictionary. */
export function trimmedDictionaryDir(): string {
  return join(projectRoot(), 'dist', 'dict');
}

/** Which dictionary this process segments with, and why not the trimmed one. */
export interface DictionaryChoice {
  kind: 'trimmed' | 'full';
  dir?: string;
  manifest?: DictionaryManifest;
  reason?: string;
}

/**
 * The trimmed dictionary unless FANGUAI_DICT=full, it was not built, or it was trimmed from
 * another nodejieba dictionary than the installed one (its frequency total would be wrong).
 * FANGUAI_DICT=<folder> uses another trimmed build. Every path is checked first: nodejieba aborts
 * the process on a missing file.
 */
export function chooseDictionary(j: JiebaDefaults, env: NodeJS.ProcessEnv = process.env): DictionaryChoice {
  const setting = env.FANGUAI_DICT;
  if (setting === 'full') return { kind: 'full', reason: 'FANGUAI_DICT=full' };
  const dir = setting || trimmedDictionaryDir();
  const files = Object.values(DICTIONARY_FILES);
  if (![...files.map((f) => join(dir, f)), j.DEFAULT_DICT, j.DEFAULT_HMM_DICT, j.DEFAULT_STOP_WORD_DICT].every((f) => existsSync(f))) {
    return { kind: 'full', reason: `no trimmed dictionary in ${dir} (npm run build makes it)` };
  }
  try {
    const manifest = JSON.parse(readFileSync(join(dir, DICTIONARY_FILES.manifest), 'utf8')) as DictionaryManifest;
    if (manifest.sourceBytes !== statSync(j.DEFAULT_DICT).size || !(manifest.medianFreq > 0)) {
      return { kind: 'full', reason: `${dir} was trimmed from another nodejieba dictionary (npm run build)` };
    }
    return { kind: 'trimmed', dir, manifest };
  } catch {
    return { kind: 'full', reason: `unreadable ${join(dir, DICTIONARY_FILES.manifest)}` };
  }
}

// One nodejieba per process, shared by every tokenizer (load() again drops inserted words).
let jieba: (Jieba & JiebaDefaults) | undefined;
let choice: DictionaryChoice | undefined;
/** Every word added so far, in order: each is kept whole and always emitted when present. */
const inserted = new Set<string>();
const insertedList: string[] = [];
/** Positions in insertedList by the word's first UTF-16 code unit, and of words holding a separator. */
const byFirstUnit = new Map<number, number[]>();
const spanning: number[] = [];
/** Left-out dictionary words a text needed so far: word → its dictionary line. */
const demand = new Map<string, string>();
/** Sizes of `inserted` and `demand` the loaded dictionary knows; -1 before the first load. */
let loaded = { inserted: -1, demand: -1 };
let rest: LeftOut | null | undefined;

function requireJieba(): Jieba & JiebaDefaults {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    jieba = require('nodejieba') as Jieba & JiebaDefaults;
    choice = chooseDictionary(jieba);
  }
  return jieba;
}

/** The left-out words, looked up as texts need them. */
interface LeftOut {
  /** Notes the left-out words of the text not loaded yet (in `demand`). */
  find(text: string): void;
}

/** FNV-1a over UTF-16 code units, one unit at a time; the build hashes the left-out words alike. */
export const FNV_OFFSET = 0x811c9dc5;
export const fnvStep = (h: number, unit: number) => Math.imul(h ^ unit, 0x01000193) >>> 0;
/** 2^20 buckets of a word's first two code units: most positions of a text start no left-out word. */
export const bigramBucket = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 12;

/**
 * Files from the build: sorted hashes of the left-out words and, per bucket of first two code
 * units, the longest one (a text is scanned without reading any word), then the words grouped by
 * first unit, read only to confirm a hash that matched.
 */
function openLeftOut(dir: string): LeftOut {
  const bytes = readFileSync(join(dir, DICTIONARY_FILES.restHashes));
  // A Uint32Array view needs a 4-byte aligned offset; a pooled buffer may not have one.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  const hashes = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 2);
  const longest = readFileSync(join(dir, DICTIONARY_FILES.restLongest));
  let index: Record<string, [number, number]> | undefined;
  const groups = new Map<string, Map<string, string>>();
  const has = (h: number) => {
    let lo = 0;
    let hi = hashes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (hashes[mid] === h) return true;
      if (hashes[mid] < h) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  const group = (first: string): Map<string, string> => {
    let g = groups.get(first);
    if (g) return g;
    index ??= JSON.parse(readFileSync(join(dir, DICTIONARY_FILES.restIndex), 'utf8')) as Record<string, [number, number]>;
    g = new Map();
    const at = index[first];
    if (at) {
      const buf = Buffer.alloc(at[1]);
      const fd = openSync(join(dir, DICTIONARY_FILES.rest), 'r');
      try {
        readSync(fd, buf, 0, at[1], at[0]);
      } finally {
        closeSync(fd);
      }
      for (const line of buf.toString('utf8').split('\n')) if (line) g.set(line.slice(0, line.indexOf(' ')), line);
    }
    groups.set(first, g);
    return g;
  };
  return {
    find(text) {
      for (let i = 0; i + 1 < text.length; i++) {
        const max = longest[bigramBucket(text.charCodeAt(i), text.charCodeAt(i + 1))];
        if (!max) continue;
        let h = fnvStep(FNV_OFFSET, text.charCodeAt(i));
        for (let n = 2; n <= max && i + n <= text.length; n++) {
          h = fnvStep(h, text.charCodeAt(i + n - 1));
          if (!has(h)) continue;
          const word = text.slice(i, i + n);
          const line = demand.has(word) ? undefined : group(text[i]).get(word);
          if (line) demand.set(word, line);
        }
      }
    },
  };
}

/**
 * A user-dictionary line holds one word without spaces; other words go through insertWord, as
 * does a one-character word (jieba would also treat it apart from its HMM, insertWord does not).
 */
const fitsLine = (w: string) => !/\s/.test(w) && [...w].length > 1;

/** Loads (or reloads) nodejieba so it knows every added and needed word; a no-op when it does. */
function ready(): Jieba {
  const j = requireJieba();
  if (loaded.inserted === inserted.size && loaded.demand === demand.size) return j;
  const c = choice!;
  if (c.kind === 'full') {
    // The full dictionary's own median is the reference weight: insertWord gives it.
    if (loaded.inserted < 0) j.load();
    for (const w of [...inserted].slice(Math.max(0, loaded.inserted))) j.insertWord(w);
  } else {
    const dir = c.dir!;
    const words = [...inserted];
    // Order matters, a later line wins: left-out dictionary words, nodejieba's default user
    // words, then the added words (insertWord overrides the dictionary).
    const lines = [
      ...demand.values(),
      ...readFileSync(join(dir, DICTIONARY_FILES.userDict), 'utf8').split('\n').filter(Boolean),
      ...words.filter(fitsLine).map((w) => `${w} ${c.manifest!.medianFreq} x`),
    ];
    const file = writeUserDictionary(lines);
    j.load({
      dict: join(dir, DICTIONARY_FILES.dict),
      hmmDict: j.DEFAULT_HMM_DICT,
      userDict: file ?? join(dir, DICTIONARY_FILES.userDict),
      idfDict: join(dir, DICTIONARY_FILES.idfDict),
      stopWordDict: j.DEFAULT_STOP_WORD_DICT,
    });
    if (file) rmSync(dirname(file), { recursive: true, force: true });
    // Only if no file could be written (or for a word holding a space): close, not identical.
    for (const w of words) if (!file || !fitsLine(w)) j.insertWord(w);
  }
  loaded = { inserted: inserted.size, demand: demand.size };
  pieces.clear();
  return j;
}

/**
 * jieba cuts a text at these characters and segments each piece on its own, so segmenting piece
 * by piece gives the same words; pieces recur (a clause is indexed as text and again with its
 * headings, headings are shared), so each is segmented and looked up once per dictionary.
 * Normalised text has , ; : where the document has ，；： (NFKC): jieba does not cut there itself,
 * but no dictionary word holds them and its HMM stops at ASCII, so its words are the same
 * (tests/core/tokenizer-pieces.test.ts) and a clause's phrases are shared pieces too.
 */
const SEPARATOR = /([ \t\n，。,;:])/;
interface Piece {
  words: string[];
  /** Positions in insertedList of the added words the piece contains. */
  added: number[];
}
const pieces = new Map<string, Piece>();
const MAX_PIECES = 100_000;

/** Added words holding a separator can span pieces: looked for in the whole text. */
const spansPieces = (w: string) => SEPARATOR.test(w);

function piece(j: Jieba, text: string): Piece {
  let p = pieces.get(text);
  if (p) return p;
  const added: number[] = [];
  const units = new Set<number>();
  for (let i = 0; i < text.length; i++) units.add(text.charCodeAt(i));
  for (const u of units) for (const k of byFirstUnit.get(u) ?? []) if (text.includes(insertedList[k])) added.push(k);
  p = { words: j.cutForSearch(text, true), added };
  if (pieces.size >= MAX_PIECES) pieces.clear();
  pieces.set(text, p);
  return p;
}

/** The text cut at jieba's separators; the left-out words of the pieces not segmented yet are noted. */
function needUnseenPieces(text: string): string[] {
  const parts = text.split(SEPARATOR);
  for (let i = 0; i < parts.length; i += 2) if (parts[i] && !pieces.has(parts[i])) need(parts[i]);
  return parts;
}

/** jieba's words for the text, and the added words it contains (positions in insertedList). */
function cut(text: string): { words: string[]; added: number[] } {
  const parts = needUnseenPieces(text);
  const j = ready();
  const words: string[] = [];
  const added = new Set<number>();
  parts.forEach((part, i) => {
    if (i % 2) return void words.push(part); // a separator comes out as itself
    if (!part) return;
    const p = piece(j, part);
    for (const w of p.words) words.push(w);
    for (const k of p.added) added.add(k);
  });
  for (const k of spanning) if (text.includes(insertedList[k])) added.add(k);
  return { words, added: [...added] };
}

/**
 * A user dictionary for one load(); null if it cannot be written. nodejieba reads it only from a
 * path, so it goes into a folder of its own made by mkdtemp (a random name, mode 0700: no other
 * user can plant a link in it), created exclusively ('wx': an existing file or link is never
 * followed). The caller removes the folder as soon as jieba has read it, so nothing is left behind
 * even by a process that is killed.
 */
function writeUserDictionary(lines: string[]): string | null {
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'fanguai-jieba-'));
    chmodSync(dir, 0o700);
  } catch {
    return null;
  }
  const file = join(dir, 'user.utf8');
  try {
    // cppjieba splits its user dictionary setting on | and ;
    if (/[|;]/.test(file)) throw new Error('unusable path');
    writeFileSync(file, lines.join('\n') + '\n', { flag: 'wx', mode: 0o600 });
    return file;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

/** Notes the left-out dictionary words of a text, to be loaded before it is segmented. */
function need(text: string): void {
  if (choice?.kind !== 'trimmed') return;
  if (rest === undefined) {
    try {
      rest = openLeftOut(choice.dir!);
    } catch {
      rest = null;
    }
  }
  rest?.find(text);
}

/**
 * Texts about to be segmented (a one-shot command's question): their left-out words are loaded
 * with the first load instead of by a second one.
 */
export function prefetchWords(texts: Iterable<string>): void {
  requireJieba();
  // The analyser segments normalised text.
  for (const t of texts) need(normaliseText(t));
}

/** The dictionary in use (for the benchmark and diagnostics); loads nothing. */
export function dictionaryInUse(): DictionaryChoice {
  requireJieba();
  return choice!;
}

/** The tokenizer whose words jieba knows now, and those words (as one string, to compare). */
let active: { owner: object; signature: string } | undefined;

/** Forgets every added word (jieba loads again before the next text), then adds `words`. */
function replaceAddedWords(words: readonly string[]): void {
  inserted.clear();
  insertedList.length = 0;
  byFirstUnit.clear();
  spanning.length = 0;
  pieces.clear();
  // load() again drops insertWord's words too, so nothing of the old list survives.
  loaded = { inserted: -1, demand: -1 };
  for (const w of words) addToJieba(w);
}

function addToJieba(w: string): void {
  if (inserted.has(w)) return;
  inserted.add(w);
  const k = insertedList.push(w) - 1;
  if (spansPieces(w)) spanning.push(k);
  else {
    const list = byFirstUnit.get(w.charCodeAt(0));
    if (list) list.push(k);
    else byFirstUnit.set(w.charCodeAt(0), [k]);
  }
}

/**
 * jieba in search mode: long words come out whole and also as their parts
 * (婚姻登记 → 婚姻, 登记, 婚姻登记), so a partial question still meets the clause.
 *
 * Each tokenizer keeps exactly its own added words: jieba is one per process, so a tokenizer with
 * other words than the ones jieba knows has them swapped in before it segments (a reloaded
 * knowledge base's assistant never segments with the old one's words). Tokenizers with the same
 * words share jieba as it is.
 */
export function createJiebaTokenizer(words: Iterable<string> = []): Tokenizer {
  requireJieba();
  const owner = {};
  const own: string[] = [];
  const ownSet = new Set<string>();
  let signature: string | undefined;
  const addWords = (list: Iterable<string>) => {
    for (const w of list) {
      if (w.length < 2 || ownSet.has(w)) continue;
      ownSet.add(w);
      own.push(w);
      signature = undefined;
      if (active?.owner === owner) {
        active.signature = (signature = own.join('\n'));
        addToJieba(w);
      }
    }
  };
  const activate = () => {
    if (active?.owner === owner) return;
    signature ??= own.join('\n');
    if (active?.signature !== signature) replaceAddedWords(own);
    active = { owner, signature };
  };
  addWords(words);
  return {
    addWords,
    prepare(texts) {
      activate();
      for (const text of texts) needUnseenPieces(text);
      ready();
    },
    tokenize(text) {
      activate();
      const { words: out, added } = cut(text);
      // jieba can still cut across an added word when the dictionary prefers another split
      // (做好转学 → 做/好转/学); an added word present in the text is always emitted, in the
      // order the words were added.
      const seen = new Set(out);
      for (const k of added.sort((a, b) => a - b)) if (!seen.has(insertedList[k])) out.push(insertedList[k]);
      return out;
    },
  };
}
