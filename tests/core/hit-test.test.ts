// Hit testing: explain() shows the ranking behind ask() — the same answer, the clauses ranked with
// score, coverage and matched terms, and the threshold that decides refusal.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, DEFAULT_MIN_COVERAGE, type Assistant } from '../../src/core/assistant.js';
import type { Explanation } from '../../src/core/explanation.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir, projectRoot } from '../../src/knowledge/paths.js';

let assistant: Assistant;
beforeAll(() => {
  assistant = createAssistant({ kb: loadKnowledgeBase(knowledgeDir()) });
});

describe('explain', () => {
  it('ranks the clauses behind an answer, with the terms each matched', () => {
    const q = '谁负责婚姻登记相关反拐措施';
    const e = assistant.explain(q);
    expect(e.reply).toEqual(assistant.ask(q));
    expect(e.route).toBe('search');
    expect(e.topicWords).toContain('婚姻登记');
    expect(e.topicWords).not.toContain('谁');
    expect(e.minCoverage).toBe(DEFAULT_MIN_COVERAGE);
    const [top, second] = e.hits;
    expect(top).toMatchObject({ id: 'p2-1-3-1', passes: true });
    expect(Object.keys(top!.matched)).toContain('婚姻登记');
    expect(top!.matched['婚姻登记']).toEqual(['text']);
    expect(top!.score).toBeGreaterThan(second!.score);
    expect(e.hits.map((h) => h.score)).toEqual([...e.hits.map((h) => h.score)].sort((a, b) => b - a));
    // The answer is the best clause that reaches the threshold.
    expect(e.reply.answers[0]!.id).toBe(e.hits.find((h) => h.passes)!.id);
  });

  it('shows why a question was refused: no clause covers enough of it', () => {
    const e = assistant.explain('公车管理谁负责');
    expect(e.reply.intent).toBe('out-of-scope');
    // 管理 matches clauses, but 公车管理 is one word none of them holds.
    expect(e.hits.length).toBeGreaterThan(0);
    expect(e.hits.every((h) => !h.passes && h.coverage < e.minCoverage)).toBe(true);
  });

  it('names the route when no ranking is involved', () => {
    expect(assistant.explain('二（一）3（1）')).toMatchObject({ route: 'clause-path', hits: [] });
    const unit = assistant.explain('民政厅负责哪些工作');
    expect(unit).toMatchObject({ route: 'unit-duties', units: [{ alias: '民政厅', unit: '省民政厅' }] });
    expect(assistant.explain('   ')).toMatchObject({ route: 'empty' });
  });
});

describe('npm run kb -- test', () => {
  const kbTest = (...args: string[]) =>
    spawnSync(process.execPath, [join(projectRoot(), 'dist/src/cli/kb.js'), 'test', ...args], { encoding: 'utf8' });

  it('prints the ranked clauses, scores, coverage, matched terms and the threshold', () => {
    const r = kbTest('谁负责婚姻登记相关反拐措施');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`threshold: a clause must cover ≥ ${DEFAULT_MIN_COVERAGE}`);
    expect(r.stdout).toMatch(/^\s+1\s+\d+\.\d{3}\s+0\.\d{3} ✓\s+p2-1-3-1 二（一）3（1）/m);
    expect(r.stdout).toMatch(/matched: .*婚姻登记\[text\]/);
    expect(r.stdout).toMatch(/answer: responsibility\n\s+p2-1-3-1 省实施细则 二（一）3（1）/);
  });

  it('shows a refusal as such, and gives JSON on --json', () => {
    const text = kbTest('公车管理谁负责');
    expect(text.stdout).toContain('refused');
    const json = kbTest('婚姻登记', '--json');
    const e = JSON.parse(json.stdout) as Explanation;
    expect(e.hits[0]).toMatchObject({ id: 'p2-1-3-1', passes: true });
  });

  it('needs a question', () => {
    const r = kbTest();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage');
  });
});
