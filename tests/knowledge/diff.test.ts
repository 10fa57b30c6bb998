import { describe, expect, it } from 'vitest';
import { diffKnowledge, formatDiff, isEmptyDiff } from '../../src/knowledge/diff.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeCopy, provincialFile, realKnowledgeDir } from './helpers.js';

describe('kb diff', () => {
  const served = loadKnowledgeBase(realKnowledgeDir);

  it('finds no change between identical knowledge', () => {
    const diff = diffKnowledge(served, loadKnowledgeBase(realKnowledgeDir));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(formatDiff(diff)).toBe('no changes');
  });

  it('reports removed clauses and changed units', () => {
    const dir = knowledgeCopy(provincialFile, (t) => {
      const start = t.indexOf('  - id: p2-5-3');
      const end = t.indexOf('  - id: p3-1');
      return t.slice(0, start) + t.slice(end);
    });
    // 161 is then unused: list it as skipped so the copy stays valid.
    const valid = knowledgeCopy(provincialFile, (t) => {
      const start = t.indexOf('  - id: p2-5-3');
      const end = t.indexOf('  - id: p3-1');
      return (t.slice(0, start) + t.slice(end)).replace('skipped:\n', 'skipped:\n  - sentence: 161\n    reason: test\n');
    });
    expect(dir).not.toBe(valid);
    const after = loadKnowledgeBase(valid);
    const diff = diffKnowledge(served, after);
    expect(diff.removed.map((c) => c.id)).toEqual(['p2-5-3']);
    expect(formatDiff(diff)).toContain('- p2-5-3 二（五）3');
  });
});
