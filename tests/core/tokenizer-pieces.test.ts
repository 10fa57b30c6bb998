// The tokenizer segments normalised text piece by piece, cutting at , ; : as well as at jieba's
// own separators (spaces, ，。). That is only sound if jieba itself never joins words across those
// three: checked here with nodejieba's full dictionary on the whole source document, the eval
// questions and latin-heavy edge cases.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvalSet } from '../../src/core/evaluation.js';
import { normaliseText } from '../../src/core/normalise.js';
import { projectRoot } from '../../src/knowledge/paths.js';

const jieba = createRequire(import.meta.url)('nodejieba') as { load(): void; cutForSearch(s: string, hmm: boolean): string[] };
const OWN = /[ \t\n，。]/;
const ADDED = /([,;:])/;

function texts(): string[] {
  const root = projectRoot();
  const source = readFileSync(join(root, 'knowledge', 'sources', 'fujian-provincial-2021.txt'), 'utf8').split('\n');
  const questions = loadEvalSet(join(root, 'tests', 'fixtures', 'eval')).map((c) => c.question);
  const edges = ['ktv,酒吧,网吧谁管', '1,000名儿童:2,000名妇女', 'a:b;c,d', '联系电话:12345;邮箱:a@b.cn', '发现;立即报告:公安机关,民政部门'];
  return [...source, ...questions, ...edges].map(normaliseText);
}

describe('segmenting at , ; :', { timeout: 60_000 }, () => {
  it('gives the same words as jieba on the whole piece', () => {
    jieba.load();
    const pieces = texts().flatMap((t) => t.split(OWN)).filter((p) => ADDED.test(p));
    expect(pieces.length).toBeGreaterThan(100);
    const differ = pieces.filter((p) => {
      const whole = jieba.cutForSearch(p, true);
      const split = p.split(ADDED).flatMap((x, i) => (i % 2 ? [x] : x ? jieba.cutForSearch(x, true) : []));
      return whole.join('\u0001') !== split.join('\u0001');
    });
    expect(differ).toEqual([]);
  });

  it('would not for 、 (jieba joins words across it), so 、 stays inside a piece', () => {
    jieba.load();
    const pieces = texts().flatMap((t) => t.split(OWN)).filter((p) => p.includes('、'));
    const differ = pieces.filter((p) => {
      const whole = jieba.cutForSearch(p, true);
      const split = p.split(/(、)/).flatMap((x, i) => (i % 2 ? [x] : x ? jieba.cutForSearch(x, true) : []));
      return whole.join('\u0001') !== split.join('\u0001');
    });
    expect(differ.length).toBeGreaterThan(0);
  });
});
