// Traditional → simplified with OpenCC's dictionaries (opencc-js's t2s: traditional phrases, then
// characters; not its Taiwan-variant step, which also rewrites simplified text: 显著 → 显着, 么 → 幺).
// Building OpenCC's tries costs more
// than a whole one-shot answer, so they are built only for a text holding a character that starts a
// changing dictionary entry: simplified text (most questions, every clause) never pays for them, and
// the check is exact — a text without such a character comes out of OpenCC unchanged.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ConverterFactory } from 'opencc-js/core';
import { projectRoot } from '../knowledge/paths.js';

/** OpenCC's t2s conversion chain: one group, phrases before characters (longest match wins). */
const CHAIN = [['TSPhrases', 'TSCharacters']] as const;

/** Where `npm run build` keeps the characters that start a changing entry (they are costly to find). */
export function traditionalCharsFile(): string {
  return join(projectRoot(), 'dist', 'dict', 'opencc-t2s-first-chars.txt');
}

/** One of opencc-js's dictionaries ("from to|from to|…"), read from its module file without running it. */
function readDictionary(name: string): string {
  const source = readFileSync(createRequire(import.meta.url).resolve(`opencc-js/dict/${name}`), 'utf8');
  return JSON.parse(source.slice(source.indexOf('"'), source.lastIndexOf('"') + 1)) as string;
}

/** Every character that starts an entry of the chain which changes the text. */
export function traditionalFirstChars(): string {
  const chars = new Set<string>();
  for (const name of CHAIN.flat()) {
    for (const entry of readDictionary(name).split('|')) {
      const [from, to] = entry.split(' ');
      if (from && to !== undefined && from !== to) chars.add(String.fromCodePoint(from.codePointAt(0)!));
    }
  }
  return [...chars].sort().join('');
}

let gate: Set<string> | undefined;
let convert: ((text: string) => string) | undefined;

function traditionalGate(): Set<string> {
  if (!gate) {
    const file = traditionalCharsFile();
    gate = new Set(existsSync(file) ? readFileSync(file, 'utf8').trim() : traditionalFirstChars());
  }
  return gate;
}

function hasTraditional(text: string): boolean {
  const chars = traditionalGate();
  for (const ch of text) if (chars.has(ch)) return true;
  return false;
}

export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  convert ??= ConverterFactory(...CHAIN.map((group) => group.map(readDictionary)));
  return convert(text);
}
