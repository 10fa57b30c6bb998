// The question set's targets, so a change that breaks them fails CI rather than a chat.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/core/assistant.js';
import { evaluate, loadEvalSet } from '../../src/core/evaluation.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir, projectRoot } from '../../src/knowledge/paths.js';

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

  it('has at least 150 staff-typed questions split line by line into a tuning and a held-out half', () => {
    const tuning = cases.filter((c) => c.half === 'tuning');
    const heldOut = cases.filter((c) => c.half === 'held-out');
    expect(tuning.length + heldOut.length).toBeGreaterThanOrEqual(150);
    expect(Math.abs(tuning.length - heldOut.length)).toBeLessThanOrEqual(1);
    for (const kind of ['spoken', 'typo', 'filler', 'follow-up', 'compound', 'near-miss']) {
      expect(heldOut.some((c) => c.kind === kind)).toBe(true);
    }
  });

  // Each file's held-out half apart: colloquial.jsonl (session 3) and colloquial-2.jsonl (written
  // fresh in session 4 by someone who had seen neither the vocabulary nor the code).
  it('held-out halves: out-of-scope refused ≥ 95%, answerable no lower than measured, every answer quoted verbatim', () => {
    const first = figures.files['colloquial.jsonl']!['held-out']!;
    expect(first.refused.rate).toBeGreaterThanOrEqual(0.95);
    expect(first.answerable.rate).toBeGreaterThanOrEqual(0.84);
    expect(figures.unquoted).toBe(0);
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
