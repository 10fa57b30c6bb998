import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffKnowledge, formatDiff, isEmptyDiff } from '../../src/knowledge/diff.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { NEW_MARRIAGE, reviseMarriageClause } from '../admin/knowledge-edits.js';
import { knowledgeCopy, provincialFile, realKnowledgeDir } from './helpers.js';

describe('kb diff', () => {
  const served = loadKnowledgeBase(realKnowledgeDir);

  it('finds no change between identical knowledge', () => {
    const diff = diffKnowledge(served, loadKnowledgeBase(realKnowledgeDir));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(formatDiff(diff)).toBe('no changes');
  });

  it('reports a removed clause and a revised one from edited files', () => {
    // p2-5-3 removed (its source sentence 161 then listed as skipped, so the copy stays valid),
    // and the marriage clause revised in the document and its source alike.
    const dir = knowledgeCopy(provincialFile, (t) => {
      const start = t.indexOf('  - id: p2-5-3');
      const end = t.indexOf('  - id: p3-1');
      return (t.slice(0, start) + t.slice(end)).replace('skipped:\n', 'skipped:\n  - sentence: 161\n    reason: test\n');
    });
    // Staff words for that clause alone (遣返 → 遣送) would point at nothing: pointed elsewhere, as
    // the administrator removing a clause does when `kb check` names them.
    const vocabulary = join(dir, 'vocabulary.yaml');
    writeFileSync(vocabulary, readFileSync(vocabulary, 'utf8').replaceAll('[遣送]', '[跨国]'));
    reviseMarriageClause(dir);
    const after = loadKnowledgeBase(dir);
    expect(after.clauses.find((c) => c.id === 'p2-1-3-1')?.text).toContain(NEW_MARRIAGE);

    const diff = diffKnowledge(served, after);
    expect(diff.removed.map((c) => c.id)).toEqual(['p2-5-3']);
    expect(diff.added).toEqual([]);
    expect(diff.changed).toEqual([{ id: 'p2-1-3-1', path: '二（一）3（1）', changes: ['text changed'] }]);
    expect(formatDiff(diff).split('\n')).toEqual([
      expect.stringMatching(/^- p2-5-3 二（五）3 \S+…$/u),
      '~ p2-1-3-1 二（一）3（1）: text changed',
    ]);
  });

  it('reports units that changed role, by role', () => {
    const swapped = {
      ...served,
      clauses: served.clauses.map((c) => (c.id === 'p2-1-3-1' ? { ...c, lead: ['省公安厅'], cooperate: ['省民政厅'] } : c)),
    };
    expect(formatDiff(diffKnowledge(served, swapped))).toBe('~ p2-1-3-1 二（一）3（1）: 负责: +省公安厅 -省民政厅; 配合: +省民政厅 -省公安厅');
  });
});
