// The spelling MiniSearch stores a term under. Its radix tree finds a node's child by looking at
// every child in turn, and Chinese terms begin with thousands of different characters: each term
// indexed scanned a root of thousands of children, most of an index build at 100×. A key spells
// each UTF-16 unit as two characters, its high byte then its low byte (from two disjoint ranges),
// so a node has at most 256 children and the root a few dozen. Scores are unchanged: BM25 never
// looks at how a term is spelt.

import { remembered } from './remembered.js';

const HIGH = 0x100;
const LOW = 0x200;
const LIMIT = 100_000;

export const toTermKey = remembered((term) => {
  let key = '';
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    key += String.fromCharCode(HIGH + (c >> 8), LOW + (c & 0xff));
  }
  return key;
}, LIMIT);

export const fromTermKey = remembered((key) => {
  let term = '';
  for (let i = 0; i + 1 < key.length; i += 2) term += String.fromCharCode(((key.charCodeAt(i) - HIGH) << 8) | (key.charCodeAt(i + 1) - LOW));
  return term;
}, LIMIT);
