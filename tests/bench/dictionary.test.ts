// The trimmed dictionary must not change a single answer: the same replies as with nodejieba's
// full dictionary, for the eval questions and for questions in words the documents never use.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dictionaryFigures, parseDictionary, trimDictionary } from '../../src/build/trim-dictionary.js';
import { longestCommonRun } from '../../src/core/quote.js';
import { createQuoteCandidates } from '../../src/core/quote-candidates.js';
import { loadEvalSet } from '../../src/core/evaluation.js';
import { projectRoot } from '../../src/knowledge/paths.js';

const root = projectRoot();
const bin = join(root, 'dist', 'src', 'cli', 'fanguai.js');

function askAll(questions: string[], dict?: string): string {
  const env = { ...process.env, ...(dict ? { FANGUAI_DICT: dict } : {}) };
  const r = spawnSync(process.execPath, [bin, 'ask', '--json'], { cwd: root, env, input: questions.join('\n') + '\n', encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'dict', 'manifest.json'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
});

describe('trimmed dictionary', { timeout: 240_000 }, () => {
  it('answers every eval question exactly as the full dictionary does', () => {
    const questions = loadEvalSet(join(root, 'tests', 'fixtures', 'eval')).map((c) => c.question);
    expect(askAll(questions)).toBe(askAll(questions, 'full'));
  });

  it('answers questions in rare everyday words exactly as the full dictionary does', () => {
    // Words left out of the trimmed file (挂号 69, 打更, 斑鸠 …): loaded when a question needs them.
    const questions = ['医院挂号难谁负责', '民政厅在打更方面做什么', '民政厅在斑鸠方面做什么', '断头犯罪率和拐卖儿童有关吗', '谁负责陈志刚网络管理员', '发现娶媳妇应该怎么办'];
    expect(askAll(questions)).toBe(askAll(questions, 'full'));
  });

  it('keeps the frequency total and minimum of the full file', () => {
    const dict = parseDictionary('甲 5 n\n乙 3 n\n甲乙 2 n\n丙丁 7 n\n乙丙 40 n\n');
    const t = trimDictionary(dict, new Set(['甲乙']), 30);
    const kept = parseDictionary(t.lines.join('\n'));
    expect(kept.map((d) => d.word)).toEqual(['甲', '乙', '甲乙', '乙丙', '\uE000\uE001']);
    expect(dictionaryFigures(kept.map((d) => d.freq))).toMatchObject({ sum: 57, min: 2 });
    expect(t.rest.map((d) => d.word)).toEqual(['丙丁']);
    expect(t.medianFreq).toBe(5);
  });
});

describe('quote candidates', () => {
  it('are the texts sharing k characters in a row with the question, in order', () => {
    const c = createQuoteCandidates(['abcdefgh', 'xxcdefyy', 'zzzzzzzz', 'defgxx'], 4);
    expect(c.of('qcdefq', 4)).toEqual([0, 1]);
    expect(c.of('defg', 4)).toEqual([0, 3]);
    expect(c.of('abc', 4)).toEqual([]);
  });

  it('for a longer run, leave out texts holding only one end of it', () => {
    const c = createQuoteCandidates(['abcdefgh', 'abcdzzzz', 'zzzzefgh', 'xabcdefghx'], 4);
    expect(c.of('abcdefgh', 8)).toEqual([0, 3]);
    expect(c.of('abcdefgh', 4)).toEqual([0, 1, 2, 3]);
  });

  it('never leave out a text that shares the run (random texts)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const word = (n: number) => Array.from({ length: n }, () => 'abc'[rnd(3)]).join('');
    const texts = Array.from({ length: 200 }, () => word(20 + rnd(20)));
    const c = createQuoteCandidates(texts, 3);
    for (let i = 0; i < 100; i++) {
      const q = word(8 + rnd(10));
      const run = 3 + rnd(5);
      const sharing = texts.flatMap((t, j) => (longestCommonRun(q, t) >= run ? [j] : []));
      const found = c.of(q, run);
      expect(found.filter((j) => sharing.includes(j))).toEqual(sharing);
    }
  });
});
