// The question set's targets, so a change that breaks them fails CI rather than a chat.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/core/assistant.js';
import { evaluate, loadEvalSet } from '../../src/core/evaluation.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir, projectRoot } from '../../src/knowledge/paths.js';

describe('question set (tests/fixtures/eval)', () => {
  const cases = loadEvalSet(join(projectRoot(), 'tests', 'fixtures', 'eval'));
  const figures = evaluate(createAssistant({ kb: loadKnowledgeBase(knowledgeDir()) }), cases);

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
});
