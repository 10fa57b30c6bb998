// MiniSearch stores terms under keys with a small alphabet per position; every term must come back
// from its key exactly, and keys must not share a spelling with another term's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromTermKey, toTermKey } from '../../src/core/term-keys.js';
import { projectRoot } from '../../src/knowledge/paths.js';

const source = readFileSync(join(projectRoot(), 'knowledge', 'sources', 'fujian-provincial-2021.txt'), 'utf8');
const words = [...new Set(source.match(/[\u3400-\u9fff]{1,4}/g) ?? [])];

describe('term keys', () => {
  it('give every term back exactly: Chinese, latin, digits, symbols, astral characters', () => {
    for (const t of [...words, 'ktv', 'DNA', '16岁', '互联网+反拐', '𠀀字', '']) expect(fromTermKey(toTermKey(t))).toBe(t);
  });

  it('are distinct for distinct terms', () => {
    expect(new Set(words.map(toTermKey)).size).toBe(words.length);
  });

  it('begin with few different characters, however many characters the terms begin with', () => {
    const firstChars = new Set(words.map((w) => w[0]));
    const firstKeyChars = new Set(words.map((w) => toTermKey(w)[0]));
    expect(firstChars.size).toBeGreaterThan(400);
    expect(firstKeyChars.size).toBeLessThanOrEqual(256);
    expect(firstKeyChars.size * 5).toBeLessThan(firstChars.size);
  });
});
