// Full-text index over the clauses (MiniSearch, BM25) plus the one figure refusal needs:
// how much of what the question is about the best clause actually contains. When only clauses
// covering enough are wanted, the others are not scored at all (what keeps 100× fast).
import MiniSearch from 'minisearch';
import type { Clause } from '../knowledge/types.js';
import type { Analyser } from './analyser.js';
import { createCoverage, type Coverage } from './coverage.js';
import type { ExampleMatch, ExampleMatcher } from './example-matcher.js';
import { remembered } from './remembered.js';
import { fromTermKey, toTermKey } from './term-keys.js';

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
  /** The question's terms this clause matched, and the clause's fields each was found in (asked for by `kb test`). */
  matched?: Record<string, string[]>;
  /** The staff example (knowledge/examples.yaml) that covered more of the question than the clause alone. */
  example?: string;
}

export interface SearchOptions {
  filter?: (c: Clause) => boolean;
  /**
   * Only hits covering at least this share are wanted: clauses that cannot reach it are left out
   * before scoring (the hits that remain, their scores and order are unchanged).
   */
  minCoverage?: number;
  /** Fill in each hit's matched terms (hit testing); answers never need them. */
  matches?: boolean;
}

export interface ClauseIndex {
  search(question: string, options?: SearchOptions): Hit[];
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
/** Look for reachable clauses only when the required terms' postings are at most this share of all the question's. */
const PRUNE_SHARE = 0.5;
/** All the terms looked up hold at most this many times the required terms' postings (chosen on the 100× bench). */
const LOOK_UP_MORE = 2;
const WORDS_REMEMBERED = 50_000;
/** Sets of matched terms remembered per search (thousands of hits share a handful). */
const SETS_REMEMBERED = 10_000;
/** Joins already processed terms into one query string (never in a term). */
const TERM_LIST = '\u0001';

export function createClauseIndex(
  clauses: readonly Clause[],
  analyser: Analyser,
  weights: IndexWeights = DEFAULT_WEIGHTS,
  examples?: ExampleMatcher,
): ClauseIndex {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  // Words of the clause being added (text and titles), kept for the rarity figures below.
  let adding: string[][] = [];
  // Unit names are already canonical: split, never segment them.
  const tokenize = (text: string, field?: string) => {
    if (field === 'units') return text.split(UNIT_SEPARATOR);
    const words = analyser.tokenize(text);
    adding.push(words);
    return words;
  };
  // A word's terms as MiniSearch stores them (term-keys.ts), worked out once per word.
  const keysOf = remembered((word) => analyser.processTerm(word)?.map(toTermKey) ?? null, WORDS_REMEMBERED);
  const processTerm = (term: string, field?: string) => (field === 'units' ? toTermKey(term) : keysOf(term));

  const mini = new MiniSearch<Doc>({
    fields: ['text', 'titles', 'units'],
    tokenize,
    processTerm,
    searchOptions: {
      tokenize: (text) => analyser.tokenize(text),
      processTerm: (term) => keysOf(term),
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
  // Rarity of each term over text and titles, from the words indexed (segmenting once);
  // unit names do not count as topic.
  const df = new Map<string, number>();
  // Each clause's terms (text and titles), for the examples: an example counts with its clause's words.
  const clauseTerms = new Map<string, Set<string>>();
  for (const d of docs) {
    adding = [];
    mini.add(d);
    const terms = new Set<string>();
    for (const words of adding) for (const w of words) for (const t of analyser.processTerm(w) ?? []) terms.add(t);
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
    clauseTerms.set(d.id, terms);
  }
  const clauseHolds = (id: string, t: string) => clauseTerms.get(id)?.has(t) ?? false;
  const n = Math.max(1, clauses.length);
  const weight = (t: string) => Math.log(1 + n / (df.get(t) ?? weights.unknownDf));
  const dfOf = (t: string) => df.get(t) ?? 0;
  const postings = (terms: readonly string[]) => terms.reduce((s, t) => s + dfOf(t), 0);

  /**
   * Clauses that can reach `min` coverage, or null when looking for them would not leave out
   * enough to pay for the look-up. They hold one of the required terms (found by a search for
   * those terms alone) and, counting every term not looked up as held, can still cover `min`.
   * Rarer terms are looked up too while that stays cheap: the more terms looked up, the fewer
   * clauses the bound lets through.
   */
  const reachable = (coverage: Coverage, min: number, filter: { filter?: (r: { id: string }) => boolean }): Set<string> | null => {
    const required = coverage.required(min, dfOf);
    if (!required) return null;
    const requiredPostings = postings(required);
    if (requiredPostings > postings(coverage.terms) * PRUNE_SHARE) return null;
    if (!required.length) return new Set();
    const looked = [...required];
    let spent = requiredPostings;
    for (const t of coverage.terms.filter((t) => !required.includes(t)).sort((a, b) => dfOf(a) - dfOf(b))) {
      if (spent + dfOf(t) > requiredPostings * LOOK_UP_MORE) break;
      looked.push(t);
      spent += dfOf(t);
    }
    const found = mini.search(looked.map(toTermKey).join(TERM_LIST), { ...filter, tokenize: (s) => s.split(TERM_LIST), processTerm: (t) => t });
    // Decided once per set of terms held.
    const reaches = remembered((joined) => {
      const held = joined.split(TERM_LIST).map(fromTermKey);
      return held.some((t) => required.includes(t)) && coverage.bound(held, looked) >= min;
    }, SETS_REMEMBERED);
    return new Set(found.filter((r) => reaches(r.queryTerms.join(TERM_LIST))).map((r) => r.id as string));
  };

  return {
    hasTopic: (question, specific = false) =>
      analyser
        .topicWords(question)
        .some((w) => !specific || [...w.terms, ...w.parts.flat()].every((t) => dfOf(t) < n * GENERIC_SHARE)),
    search(question, { filter, minCoverage, matches = false } = {}) {
      const coverage = createCoverage(analyser.topicWords(question), weight);
      const inFilter = filter ? { filter: (r: { id: string }) => filter(byId.get(r.id)!) } : {};
      const lifted = examples?.size ? examples.match(coverage, clauseHolds) : new Map<string, ExampleMatch>();
      // An example of a clause this index does not hold (another knowledge base's) speaks for nothing.
      for (const id of lifted.keys()) if (!byId.has(id) || (filter && !filter(byId.get(id)!))) lifted.delete(id);
      const only = minCoverage === undefined ? null : reachable(coverage, minCoverage, inFilter);
      if (only) for (const [id, m] of lifted) if (m.coverage >= minCoverage!) only.add(id);
      if (only && !only.size) return [];
      // Scoring only the reachable clauses: a boost of 0 skips a clause, 1 leaves a score as it was.
      const results = mini.search(question, only ? { boostDocument: (id) => (only.has(id as string) ? 1 : 0) } : inFilter);
      // Decoded once per set of matched keys.
      const coverageOfKeys = remembered((joined) => coverage.of(joined.split(TERM_LIST).map(fromTermKey)), SETS_REMEMBERED);
      const hits = results.map((r): Hit => {
        const own = coverageOfKeys(r.queryTerms.join(TERM_LIST));
        const example = lifted.get(r.id as string);
        lifted.delete(r.id as string);
        const byExample = example !== undefined && example.coverage > own;
        const c = byExample ? example.coverage : own;
        const hit: Hit = { clause: byId.get(r.id)!, score: r.score * c ** weights.coveragePower, coverage: c };
        if (byExample) hit.example = example.example;
        if (matches) hit.matched = Object.fromEntries(Object.entries(r.match).map(([key, fields]) => [fromTermKey(key), fields]));
        return hit;
      });
      // A clause only its example speaks for scores like the weakest clause that matched by its words
      // (worked out only when there is one: every hit would be visited).
      const floor = lifted.size ? Math.min(...hits.map((h) => h.score / Math.max(h.coverage, 1e-9) ** weights.coveragePower), 1) : 1;
      for (const m of lifted.values()) {
        if (only && !only.has(m.clauseId)) continue;
        hits.push({ clause: byId.get(m.clauseId)!, score: floor * m.coverage ** weights.coveragePower, coverage: m.coverage, example: m.example, ...(matches ? { matched: {} } : {}) });
      }
      return hits.sort((a, b) => b.score - a.score);
    },
  };
}
