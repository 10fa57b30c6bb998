// The spelling MiniSearch stores a term under. Its radix tree finds a node's child by looking at
// every child in turn, and Chinese terms begin with thousands of different characters: each term
// indexed scanned a root of thousands of children, most of an index build at 100×. A key spells
// each UTF-16 unit as two characters, its high byte then its low byte (from two disjoint ranges),
// so a node has at most 256 children and the root a few dozen. Scores are unchanged: BM25 never
// looks at how a term is spelt.

const HIGH = 0x100;
const LOW = 0x200;
const LIMIT = 100_000;
const keys = new Map<string, string>();
const terms = new Map<string, string>();

export function toTermKey(term: string): string {
  let key = keys.get(term);
  if (key !== undefined) return key;
  key = '';
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    key += String.fromCharCode(HIGH + (c >> 8), LOW + (c & 0xff));
  }
  if (keys.size >= LIMIT) keys.clear();
  keys.set(term, key);
  return key;
}

export function fromTermKey(key: string): string {
  let term = terms.get(key);
  if (term !== undefined) return term;
  term = '';
  for (let i = 0; i + 1 < key.length; i += 2) term += String.fromCharCode(((key.charCodeAt(i) - HIGH) << 8) | (key.charCodeAt(i + 1) - LOW));
  if (terms.size >= LIMIT) terms.clear();
  terms.set(key, term);
  return term;
}
