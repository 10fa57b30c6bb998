// Regression-gated knowledge: the saved questions of knowledge/regression.yaml must keep their
// answers. A well-formed edit that moves a duty to another unit passes every proof against the
// source, and is still refused — by kb check, at start-up and on reload — naming the question.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createLiveAssistant } from '../../src/core/live-assistant.js';
import { checkKnowledge, formatProblem, KnowledgeError } from '../../src/knowledge/load.js';
import { projectRoot } from '../../src/knowledge/paths.js';
import { moveMarriageDuty } from '../admin/knowledge-edits.js';
import { knowledgeCopiesPerTest, realKnowledgeDir } from './helpers.js';

const QUESTION = '谁负责婚姻登记相关反拐措施';
const REFUSAL =
  'knowledge/regression.yaml: saved question 「规范婚姻登记管理，谁负责」 now answers 负责 省公安厅，配合 省民政厅 instead of 负责 省民政厅，配合 省公安厅 (clause 二（一）3（1）)';

const copy = knowledgeCopiesPerTest();

describe('the saved questions shipped in knowledge/regression.yaml', () => {
  const saved = (parse(readFileSync(join(realKnowledgeDir, 'regression.yaml'), 'utf8')) as { questions: Array<{ question: string; clause: string }> }).questions;
  const kb = checkKnowledge(realKnowledgeDir).kb!;

  it('cover every section and every clause of the provincial document', () => {
    const clauses = kb.clauses.filter((c) => c.document === 'fujian-provincial');
    expect(new Set(saved.map((q) => q.clause))).toEqual(new Set(clauses.map((c) => c.path)));
    const sections = new Set(clauses.flatMap((c) => c.titles.map((t) => t.path)));
    for (const s of sections) expect(saved.some((q) => q.clause.startsWith(s)), s).toBe(true);
  });

  it('ask in the document’s own words', () => {
    for (const q of saved) {
      const clause = kb.clauses.find((c) => c.path === q.clause)!;
      const words = q.question.replace(/，谁负责$/, '');
      expect(clause.text.includes(words), q.question).toBe(true);
    }
  });
});

describe('an edit that moves a duty', { timeout: 60_000 }, () => {
  it('passes every proof against the source, yet is refused naming the question', () => {
    const dir = copy();
    moveMarriageDuty(dir);
    const report = checkKnowledge(dir);
    expect(report.problems).toEqual([]);
    expect(() => createLiveAssistant({ knowledgeDir: dir })).toThrow(KnowledgeError);
    try {
      createLiveAssistant({ knowledgeDir: dir });
    } catch (error) {
      expect((error as KnowledgeError).problems.map(formatProblem)).toEqual([REFUSAL]);
    }
  });

  it('is refused by kb check (the real command), exit 1', () => {
    const dir = copy();
    moveMarriageDuty(dir);
    const run = spawnSync(process.execPath, [join(projectRoot(), 'dist', 'src', 'cli', 'kb.js'), 'check', '--dir', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${REFUSAL}\nkb check: 1 problem(s); the knowledge base is not valid\n`);
  });

  it('is refused on reload, and the old knowledge keeps answering', async () => {
    const dir = copy();
    const live = createLiveAssistant({ knowledgeDir: dir });
    moveMarriageDuty(dir);
    const result = await live.reload();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map(formatProblem)).toEqual([REFUSAL]);
    expect(live.ask(QUESTION).answers[0]).toMatchObject({ lead: ['省民政厅'], cooperate: ['省公安厅'] });
  });

  it('goes live once the saved question is updated with it', async () => {
    const dir = copy();
    const live = createLiveAssistant({ knowledgeDir: dir });
    moveMarriageDuty(dir);
    const file = join(dir, 'regression.yaml');
    const text = readFileSync(file, 'utf8');
    const updated = text.replace('clause: 二（一）3（1）\n    lead: [省民政厅]\n    cooperate: [省公安厅]', 'clause: 二（一）3（1）\n    lead: [省公安厅]\n    cooperate: [省民政厅]');
    expect(updated).not.toBe(text);
    writeFileSync(file, updated);
    expect((await live.reload()).ok).toBe(true);
    expect(live.ask(QUESTION).answers[0]).toMatchObject({ lead: ['省公安厅'], cooperate: ['省民政厅'] });
  });
});

describe('regression.yaml itself', () => {
  it('is checked like every knowledge file: unknown units and unknown keys are problems', () => {
    const dir = copy('regression.yaml', (t) => t.replace('lead: [省民政厅]\n    cooperate: [省公安厅]', 'lead: [省婚姻登记局]\n    cooperate: [省公安厅]\n    expected: yes'));
    expect(checkKnowledge(dir).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^knowledge\/regression\.yaml: questions\.\d+: unknown key expected/),
    ]);
    const dir2 = copy('regression.yaml', (t) => t.replace('lead: [省民政厅]\n    cooperate: [省公安厅]', 'lead: [省婚姻登记局]\n    cooperate: [省公安厅]'));
    expect(checkKnowledge(dir2).problems.map(formatProblem)).toEqual([
      'knowledge/regression.yaml: question 「规范婚姻登记管理，谁负责」: unit 「省婚姻登记局」 is not in units.yaml',
    ]);
  });
});
