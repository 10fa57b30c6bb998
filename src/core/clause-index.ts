// Full-text index over the clauses (MiniSearch, BM25) plus the one figure refusal needs:
// how much of what the question is about the best clause actually contains.
import MiniSearch from 'minisearch';
import type { Clause } from '../knowledge/types.js';
import type { Analyser, TopicWord } from './analyser.js';

export interface IndexWeights {
  /** Field boosts, decided on the eval set (`npm run eval -- --sweep`). */
  text: number;
  titles: number;
  units: number;
  /** Document frequency assumed for a word the document never uses (lower → weighs more). */
  unknownDf: number;
  /** Ranking is BM25 × coverage^coveragePower: 0 ranks by BM25 alone. */
  coveragePower: number;
}

/**
 * From `npm run eval -- --sweep` on 201 questions: title boosts 0–1 and unit boosts 0–2 score the
 * same (titles 2 loses a lead answer), so both stay modest at 0.5; ranking by BM25 alone
 * (coveragePower 0) loses clause lookups; unknownDf 2 (an unknown word weighs like a word of two
 * clauses) gives the widest refusal plateau.
 */
export const DEFAULT_WEIGHTS: IndexWeights = { text: 1, titles: 0.5, units: 0.5, unknownDf: 2, coveragePower: 1 };

export interface Hit {
  clause: Clause;
  score: number;
  /** Share (0–1) of the question's topic words, weighted by rarity, found in this clause. */
  coverage: number;
  /** The question's terms this clause matched, and the clause's fields each was found in (for `kb test`). */
  matched: Record<string, string[]>;
}

export interface ClauseIndex {
  search(question: string, filter?: (c: Clause) => boolean): Hit[];
  /**
   * True when the question names something to look for besides units and question words.
   * With `specific`, words found in a quarter or more of the clauses (反拐, 拐卖) do not count:
   * 「发改委有哪些反拐任务」 asks for the unit's duties, not for a topic.
   */
  hasTopic(question: string, specific?: boolean): boolean;
}

interface Doc {
  id: string;
  text: string;
  titles: string;
  units: string;
}

const UNIT_SEPARATOR = '|';
const GENERIC_SHARE = 0.25;

export function createClauseIndex(
  clauses: readonly Clause[],
  analyser: Analyser,
  weights: IndexWeights = DEFAULT_WEIGHTS,
): ClauseIndex {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  // Unit names are already canonical: split, never segment them.
  const tokenize = (text: string, field?: string) =>
    field === 'units' ? text.split(UNIT_SEPARATOR) : analyser.tokenize(text);
  const processTerm = (term: string, field?: string) =>
    field === 'units' ? term : analyser.processTerm(term);

  const mini = new MiniSearch<Doc>({
    fields: ['text', 'titles', 'units'],
    tokenize,
    processTerm,
    searchOptions: {
      tokenize: (text) => analyser.tokenize(text),
      processTerm: (term) => analyser.processTerm(term),
      boost: { text: weights.text, titles: weights.titles, units: weights.units },
      combineWith: 'OR',
    },
  });
  const docs = clauses.map((c) => ({
    id: c.id,
    text: c.text,
    titles: c.titles.map((t) => t.title ?? '').join(' '),
    units: [...c.lead, ...c.cooperate].join(UNIT_SEPARATOR),
  }));
  mini.addAll(docs);

  // Rarity of each term over text and titles; unit names do not count as topic.
  const df = new Map<string, number>();
  for (const d of docs) {
    for (const t of new Set(analyser.terms(`${d.text} ${d.titles}`))) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = Math.max(1, clauses.length);
  const weight = (t: string) => Math.log(1 + n / (df.get(t) ?? weights.unknownDf));

  const termsWeight = (terms: string[]) => Math.max(0, ...terms.map(weight));

  /**
   * Coverage counts whole words, not the parts search mode adds: 公车管理 is one unknown word,
   * not half covered by 管理. A word whose own terms miss still earns the share of its parts that
   * match (学校门口 → 学校), weighted by rarity.
   */
  const coverageOf = (words: TopicWord[]): ((matchedTerms: readonly string[]) => number) => {
    // Word weights once per question, the figure once per set of matched terms: at scale
    // thousands of hits share a handful of such sets.
    const weighed = words.map((w) => {
      const own = termsWeight(w.terms);
      const parts = w.parts.map(termsWeight);
      return { w, parts, wordWeight: Math.max(own, ...parts), partsSum: parts.reduce((a, b) => a + b, 0) };
    });
    const cache = new Map<string, number>();
    return (matchedTerms) => {
      const key = matchedTerms.join('\u0000');
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const matched = new Set(matchedTerms);
      let total = 0;
      let covered = 0;
      for (const { w, parts, wordWeight, partsSum } of weighed) {
        total += wordWeight;
        if (w.terms.some((t) => matched.has(t))) covered += wordWeight;
        else if (parts.length) {
          const hit = w.parts.reduce((s, p, i) => s + (p.some((t) => matched.has(t)) ? (parts[i] ?? 0) : 0), 0);
          covered += (wordWeight * hit) / partsSum;
        }
      }
      const c = total > 0 ? covered / total : 0;
      cache.set(key, c);
      return c;
    };
  };

  return {
    hasTopic: (question, specific = false) =>
      analyser
        .topicWords(question)
        .some((w) => !specific || [...w.terms, ...w.parts.flat()].every((t) => (df.get(t) ?? 0) < n * GENERIC_SHARE)),
    search(question, filter) {
      const coverage = coverageOf(analyser.topicWords(question));
      const results = mini.search(question, filter ? { filter: (r) => filter(byId.get(r.id)!) } : {});
      return results
        .map((r) => {
          const c = coverage(r.queryTerms);
          return { clause: byId.get(r.id)!, score: r.score * c ** weights.coveragePower, coverage: c, matched: r.match };
        })
        .sort((a, b) => b.score - a.score);
    },
  };
}
