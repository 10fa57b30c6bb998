// Builds the trimmed jieba dictionary into dist/dict/ (`npm run build` runs it after tsc).
//
// nodejieba's full dictionary (349k words) costs ≈1 s and ≈300 MB to load, mostly because load()
// builds it twice (segmenter and TextRank). Segmenting a text only ever consults the dictionary
// words occurring in it, so a dictionary holding the words of the documents, the common words and
// every single character segments the documents exactly as the full one does, provided jieba's
// figures over the whole file stay:
//   - the frequency total (a word's weight is log(freq / total)): one filler word that no text
//     contains carries the frequency of the words left out;
//   - the lowest frequency (the weight of a character the dictionary lacks): kept;
//   - the median frequency (insertWord's weight) is not kept: the tokenizer writes it out for the
//     words it adds, and the manifest records it.
// The words left out go to a file grouped by first character; when a question (or a reloaded
// document) contains one, the tokenizer loads it with its own frequency, so every text is
// segmented exactly as with the full dictionary.
// Generated, not committed: it derives from the installed nodejieba and from knowledge/, so
// `prepare` rebuilds it on every install and every build refreshes it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { DEFAULT_LIMITS } from '../knowledge/limits.js';
import { readKnowledgeFile } from '../knowledge/read-file.js';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isMain } from '../cli/is-main.js';
import { normaliseText } from '../core/normalise.js';
import { bigramBucket, DICTIONARY_FILES, FNV_OFFSET, fnvStep, trimmedDictionaryDir, type DictionaryManifest } from '../core/tokenizer.js';
import { projectRoot } from '../knowledge/paths.js';

/**
 * Words at least this frequent are kept whatever text they come from. Not needed for the answers
 * (left-out words are read on demand), only so that most questions in everyday words need no
 * reload of the dictionary in a long-running process; `npm run bench` shows the cost.
 */
export const DEFAULT_MIN_FREQ = 500;
/** Private-use characters: no normalised question or clause contains them. */
export const FILLER_WORD = '\uE000\uE001';

export interface DictLine {
  word: string;
  freq: number;
  line: string;
}

export function parseDictionary(text: string): DictLine[] {
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((line) => {
      const [word, freq] = line.split(' ');
      return { word, freq: Number(freq), line };
    });
}

/** The figures cppjieba's DictTrie derives from a main dictionary (DictTrie::SetStaticWordWeights). */
export function dictionaryFigures(freqs: readonly number[]): { sum: number; min: number; median: number } {
  const sorted = [...freqs].sort((a, b) => a - b);
  return { sum: freqs.reduce((a, b) => a + b, 0), min: sorted[0], median: sorted[sorted.length >> 1] };
}

/** The dictionary words occurring in the texts (as written and normalised). */
export function wordsIn(texts: readonly string[], dict: readonly DictLine[]): Set<string> {
  const words = new Set(dict.map((d) => d.word));
  const longest = dict.reduce((m, d) => Math.max(m, [...d.word].length), 0);
  const found = new Set<string>();
  for (const t of texts) {
    for (const s of new Set([t, normaliseText(t)])) {
      const chars = [...s];
      for (let i = 0; i < chars.length; i++) {
        let w = '';
        for (let n = 0; n < longest && i + n < chars.length; n++) {
          w += chars[i + n];
          if (words.has(w)) found.add(w);
        }
      }
    }
  }
  return found;
}

export interface TrimResult {
  lines: string[];
  /** The words left out, read on demand by the tokenizer when a text contains one. */
  rest: DictLine[];
  kept: number;
  freqSum: number;
  minFreq: number;
  medianFreq: number;
}

/**
 * Keeps single characters, the words in `domain` and the words of frequency ≥ minFreq, in the
 * source file's order (deterministic), and the frequency total and minimum of the full file.
 */
export function trimDictionary(dict: readonly DictLine[], domain: ReadonlySet<string>, minFreq = DEFAULT_MIN_FREQ): TrimResult {
  const full = dictionaryFigures(dict.map((d) => d.freq));
  const keep = (d: DictLine) => [...d.word].length === 1 || d.freq >= minFreq || domain.has(d.word);
  const kept = dict.filter(keep);
  if (!kept.some((d) => d.freq === full.min)) kept.push(dict.find((d) => d.freq === full.min)!);
  const keptWords = new Set(kept.map((d) => d.word));
  const leftOver = full.sum - kept.reduce((s, d) => s + d.freq, 0);
  const lines = [...kept.map((d) => d.line), `${FILLER_WORD} ${leftOver} x`];

  const trimmed = dictionaryFigures([...kept.map((d) => d.freq), leftOver]);
  if (leftOver <= 0 || trimmed.sum !== full.sum || trimmed.min !== full.min) {
    throw new Error(`trimmed dictionary figures ${JSON.stringify(trimmed)} differ from the full ${JSON.stringify(full)}`);
  }
  return { lines, rest: dict.filter((d) => !keptWords.has(d.word)), kept: kept.length, freqSum: full.sum, minFreq: full.min, medianFreq: full.median };
}

/**
 * The left-out words grouped by first UTF-16 code unit with where each group is (bytes), their
 * sorted hashes, and per bucket of first two units the longest word: see openLeftOut in the tokenizer.
 */
export function restFiles(rest: readonly DictLine[]): {
  text: string;
  index: Record<string, [number, number]>;
  hashes: Buffer;
  longest: Buffer;
} {
  const groups = new Map<string, string[]>();
  const longest = Buffer.alloc(1 << 20);
  const hashes = new Set<number>();
  for (const d of rest) {
    const first = d.word[0];
    const g = groups.get(first);
    if (g) g.push(d.line);
    else groups.set(first, [d.line]);
    const bucket = bigramBucket(d.word.charCodeAt(0), d.word.charCodeAt(1));
    longest[bucket] = Math.max(longest[bucket], Math.min(255, d.word.length));
    let h = FNV_OFFSET;
    for (let i = 0; i < d.word.length; i++) h = fnvStep(h, d.word.charCodeAt(i));
    hashes.add(h);
  }
  const index: Record<string, [number, number]> = {};
  const parts: string[] = [];
  let offset = 0;
  for (const first of [...groups.keys()].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0))) {
    const part = groups.get(first)!.join('\n') + '\n';
    const bytes = Buffer.byteLength(part);
    index[first] = [offset, bytes];
    parts.push(part);
    offset += bytes;
  }
  const sorted = Uint32Array.from([...hashes].sort((a, b) => a - b));
  return { text: parts.join(''), index, hashes: Buffer.from(sorted.buffer), longest };
}

/** The knowledge files (vocabulary.yaml among them): the words the documents and staff use. */
export function domainTexts(knowledgeDirs: readonly string[]): string[] {
  const texts: string[] = [];
  // Read as the loader reads (regular files within the folder, size limits): a FIFO or a link to
  // /dev/zero left in knowledge/ must not hang the build; the loader reports such files.
  const budget = { maxFileBytes: DEFAULT_LIMITS.maxFileBytes, maxTotalBytes: DEFAULT_LIMITS.maxTotalBytes, remaining: DEFAULT_LIMITS.maxTotalBytes };
  const walk = (root: string, dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(root, p);
      else if (/\.(ya?ml|txt|md)$/.test(e.name)) {
        const read = readKnowledgeFile(root, p, budget);
        if (read.ok) texts.push(read.text);
      }
    }
  };
  for (const d of knowledgeDirs) if (existsSync(d)) walk(d, d);
  return texts;
}

/**
 * nodejieba's default user words (a user dictionary passed to load() replaces them), with the
 * median frequency written out where the default leaves it to jieba (云计算 → 云计算 3 x).
 */
export function baseUserDictionary(defaultUserDict: string, medianFreq: number): string[] {
  return defaultUserDict
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const f = l.split(' ');
      return f.length === 3 ? l : `${f[0]} ${medianFreq} ${f[1] ?? 'x'}`;
    });
}

export function describeDictionary(m: DictionaryManifest): string {
  return `trimmed jieba dictionary: ${m.words} of ${m.sourceWords} words (${m.domainWords} from the documents, the rest of frequency ≥ ${m.minFreq})`;
}

export function buildDictionary(outDir: string, options: { knowledgeDirs?: string[]; minFreq?: number } = {}): DictionaryManifest {
  const require = createRequire(import.meta.url);
  const jieba = require('nodejieba') as Record<string, string>;
  const pkg = JSON.parse(readFileSync(require.resolve('nodejieba/package.json'), 'utf8')) as { version: string };
  const sourceText = readFileSync(jieba.DEFAULT_DICT, 'utf8');
  const dict = parseDictionary(sourceText);
  const texts = domainTexts(options.knowledgeDirs ?? [join(projectRoot(), 'knowledge')]);
  const domain = wordsIn(texts, dict);
  const minFreq = options.minFreq ?? DEFAULT_MIN_FREQ;
  const trimmed = trimDictionary(dict, domain, minFreq);

  mkdirSync(outDir, { recursive: true });
  const write = (name: string, lines: string[]) => {
    // Written then renamed: a running process never loads half a file (a bad line aborts it).
    writeFileSync(join(outDir, name + '.tmp'), lines.join('\n') + '\n');
    renameSync(join(outDir, name + '.tmp'), join(outDir, name));
  };
  write(DICTIONARY_FILES.dict, trimmed.lines);
  const rest = restFiles(trimmed.rest);
  write(DICTIONARY_FILES.rest, [rest.text.replace(/\n$/, '')]);
  write(DICTIONARY_FILES.restIndex, [JSON.stringify(rest.index)]);
  writeFileSync(join(outDir, DICTIONARY_FILES.restHashes), rest.hashes);
  writeFileSync(join(outDir, DICTIONARY_FILES.restLongest), rest.longest);
  write(DICTIONARY_FILES.userDict, baseUserDictionary(readFileSync(jieba.DEFAULT_USER_DICT, 'utf8'), trimmed.medianFreq));
  // Keyword extraction is never used, and its table is 6 MB; one line satisfies cppjieba.
  write(DICTIONARY_FILES.idfDict, [`${FILLER_WORD} 1`]);
  const manifest: DictionaryManifest = {
    nodejieba: pkg.version,
    sourceBytes: statSync(jieba.DEFAULT_DICT).size,
    sourceSha256: createHash('sha256').update(sourceText).digest('hex'),
    medianFreq: trimmed.medianFreq,
    minFreq,
    domainWords: domain.size,
    words: trimmed.kept,
    sourceWords: dict.length,
    freqSum: trimmed.freqSum,
  };
  // The manifest last: the tokenizer uses nothing until it is there.
  write(DICTIONARY_FILES.manifest, [JSON.stringify(manifest, null, 2)]);
  return manifest;
}

/** `node dist/src/build/trim-dictionary.js [--min-freq N] [--out DIR]`: one dictionary, e.g. to compare cut-offs. */
if (isMain(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const minFreq = arg('--min-freq');
  const m = buildDictionary(arg('--out') ?? trimmedDictionaryDir(), minFreq ? { minFreq: Number(minFreq) } : {});
  process.stdout.write(describeDictionary(m) + '\n');
}
