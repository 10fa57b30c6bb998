// The index scores only the clauses that can still reach the coverage a reply needs. On a
// knowledge base ten times the real one, that must leave every clause that can answer, with
// its score, coverage and rank, exactly as a search of every clause gives it.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyser.js';
import { DEFAULT_MIN_COVERAGE } from '../../src/core/assistant.js';
import { createClauseIndex, type ClauseIndex } from '../../src/core/clause-index.js';
import { loadEvalSet } from '../../src/core/evaluation.js';
import { plainSynonyms } from '../../src/core/staff-words.js';
import { createJiebaTokenizer } from '../../src/core/tokenizer.js';
import { createUnitFinder } from '../../src/core/unit-finder.js';
import { syntheticKnowledge } from '../../src/cli/bench.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir, projectRoot } from '../../src/knowledge/paths.js';

let index: ClauseIndex;
let questions: string[];
beforeAll(() => {
  const kb = syntheticKnowledge(loadKnowledgeBase(knowledgeDir()), 10);
  const analyser = createAnalyser({ tokenizer: createJiebaTokenizer(), units: createUnitFinder(kb.units), synonyms: plainSynonyms(kb.vocabulary), questionWords: kb.vocabulary.questionWords });
  index = createClauseIndex(kb.clauses, analyser);
  questions = loadEvalSet(join(projectRoot(), 'tests', 'fixtures', 'eval')).map((c) => c.question);
});

const view = (hits: ReturnType<ClauseIndex['search']>) => hits.map((h) => ({ id: h.clause.id, score: h.score, coverage: h.coverage }));

describe('search with a minimum coverage', { timeout: 60_000 }, () => {
  it('gives exactly the hits of a full search that reach it, in the same order', () => {
    let full = 0;
    let scored = 0;
    for (const q of questions) {
      const all = index.search(q);
      const wanted = index.search(q, { minCoverage: DEFAULT_MIN_COVERAGE });
      expect(view(wanted.filter((h) => h.coverage >= DEFAULT_MIN_COVERAGE)), q).toEqual(view(all.filter((h) => h.coverage >= DEFAULT_MIN_COVERAGE)));
      full += all.length;
      scored += wanted.length;
    }
    // …while scoring far fewer clauses.
    expect(scored).toBeLessThan(full / 2);
  });

  it('keeps a filter (a level, the organisation part)', () => {
    const inPartOne = (c: { path: string }) => c.path.startsWith('一');
    for (const q of ['联席会议的召集人是谁', '反拐工作人员教育培训谁负责']) {
      const wanted = index.search(q, { filter: inPartOne, minCoverage: DEFAULT_MIN_COVERAGE });
      expect(wanted.every((h) => inPartOne(h.clause))).toBe(true);
      expect(view(wanted.filter((h) => h.coverage >= DEFAULT_MIN_COVERAGE))).toEqual(
        view(index.search(q, { filter: inPartOne }).filter((h) => h.coverage >= DEFAULT_MIN_COVERAGE)),
      );
    }
  });
});
