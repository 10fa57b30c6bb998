// The question set's targets, so a change that breaks them fails CI rather than a chat.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/core/assistant.js';
import { casesAmongExamples, evaluate, loadEvalSet } from '../../src/core/evaluation.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir, projectRoot } from '../../src/knowledge/paths.js';

/** Held-out halves measured once when fresh (README "Quality: evaluation"): [file, answerable, refused]. */
const MEASURED_HELD_OUT: Array<[string, number, number]> = [
  ['colloquial-5.jsonl', 0.835, 0.857], // at c8726f7
  ['colloquial-7.jsonl', 0.882, 1], // at 1fae025
  ['colloquial-8.jsonl', 0.933, 0.933], // at 40d53ee
  ['colloquial-9.jsonl', 0.894, 0.857], // at 981d176
  ['colloquial-10.jsonl', 0.908, 0.8], // at fe92bde
  ['colloquial-11.jsonl', 0.975, 1], // at a277dcf (still marked held-out: the next set must be written first)
];

describe('question set (tests/fixtures/eval)', () => {
  const cases = loadEvalSet(join(projectRoot(), 'tests', 'fixtures', 'eval'));
  const kb = loadKnowledgeBase(knowledgeDir());
  const figures = evaluate(createAssistant({ kb }), cases, kb.vocabulary.roles, new Map(kb.clauses.map((c) => [c.id, c.text])));

  it('has the dev questions and at least 80 staff questions besides', () => {
    expect(cases.filter((c) => c.file.startsWith('staff')).length).toBeGreaterThanOrEqual(80);
    expect(cases.filter((c) => c.file.startsWith('dev')).length).toBe(13);
  });

  it('meets the targets: lead ≥ 95%, cooperating ≥ 90%, refusals ≥ 90%, unit questions complete', () => {
    expect(figures.lead.rate).toBeGreaterThanOrEqual(0.95);
    expect(figures.cooperate.rate).toBeGreaterThanOrEqual(0.9);
    expect(figures.refusal.rate).toBeGreaterThanOrEqual(0.9);
    expect(figures.unitCompleteness.rate).toBe(1);
  });

  it('has staff-typed sets split line by line into a tuning and a held-out half, unless measured and marked all-tuning', () => {
    const colloquial = cases.filter((c) => c.file.startsWith('colloquial'));
    expect(colloquial.length).toBeGreaterThanOrEqual(150);
    for (const file of new Set(colloquial.map((c) => c.file))) {
      const inFile = colloquial.filter((c) => c.file === file);
      const heldOut = inFile.filter((c) => c.half === 'held-out').length;
      if (heldOut) expect(Math.abs(inFile.length - 2 * heldOut), file).toBeLessThanOrEqual(1);
    }
    const heldOut = cases.filter((c) => c.half === 'held-out');
    expect(heldOut.length).toBeGreaterThanOrEqual(100);
    for (const kind of ['everyday', 'spoken', 'typo', 'unit', 'follow-up', 'compound', 'near-miss']) {
      expect(heldOut.some((c) => c.kind === kind), kind).toBe(true);
    }
  });

  it('held-out half: every answer quoted verbatim', () => {
    expect(figures.halves['held-out']).toBeDefined();
    expect(figures.unquoted).toBe(0);
  });

  // The held-out halves already measured (each written fresh by someone who had seen neither the
  // vocabulary nor the code, measured once, tuning data since): floors, so a change that makes one
  // worse fails.
  it.each(MEASURED_HELD_OUT)('%s\'s former held-out half stays no lower than measured', (file, answerable, refused) => {
    const even = cases.filter((c) => c.file === file).filter((_, i) => i % 2 === 1);
    expect(even.length).toBeGreaterThanOrEqual(100);
    const h = evaluate(createAssistant({ kb }), even.map((c) => ({ ...c, half: 'tuning' as const })), kb.vocabulary.roles).halves.tuning!;
    expect(h.refused.rate).toBeGreaterThanOrEqual(refused);
    expect(h.answerable.rate).toBeGreaterThanOrEqual(answerable);
  });

  it('has no held-out question among the example questions (knowledge/examples.yaml), which would answer it from itself', () => {
    const seen = casesAmongExamples(cases, kb.examples);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((c) => c.half === 'held-out').map((c) => c.question)).toEqual([]);
  });
});

describe('judging a question about a clause without units', () => {
  const kb = loadKnowledgeBase(knowledgeDir());
  const assistant = createAssistant({ kb });
  const text = (id: string) => kb.clauses.find((c) => c.id === id)!.text;
  const judged = (asked: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    try {
      writeFileSync(join(dir, 'staff-x.jsonl'), JSON.stringify({ question: asked, clause: 'p2-5-3', lead: [], cooperate: [] }) + '\n');
      return evaluate(assistant, loadEvalSet(dir)).failures.length === 0;
    } finally {
      rmSync(dir, { recursive: true });
    }
  };

  it('counts only that clause as right, not another clause that has no units either', () => {
    expect(judged(text('p2-5-3'))).toBe(true);
    expect(judged(text('p2-4-1-3'))).toBe(false);
  });
});
