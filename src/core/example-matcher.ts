// Staff questions known to be about a clause (knowledge/examples.yaml) lift that clause for a
// question worded like one of them. Each example is matched on its own, together with its
// clause's own words: the union of all a clause's examples would hold so many everyday words that
// out-of-scope questions (KTV的消防检查) would pass as well.
import type { Analyser } from './analyser.js';
import type { Coverage } from './coverage.js';

/**
 * The example alone must hold this share of the question: one shared word (KTV) with the rest
 * supplied by the clause's own words let near misses through (KTV的消防检查). This and MIN_TERMS
 * were chosen on the tuning half with each half-file's own questions left out of the examples:
 * 0.7 and 6 add right answers without letting a near miss through; 0.5 and 4 added a few more
 * and let three near misses through.
 */
const OWN_COVERAGE = 0.7;
/**
 * Examples speak only for questions with this many topic terms or more. A short question with one
 * word an example shares and one nobody uses (台风预警, 学校的课程安排) is a near miss far more
 * often than a paraphrase; the situations staff describe in their own words are long.
 */
const MIN_TERMS = 6;

export interface ExampleMatch {
  clauseId: string;
  example: string;
  /** Coverage of the question by the example's words and its clause's together. */
  coverage: number;
}

export interface ExampleMatcher {
  readonly size: number;
  /** Per clause, its best example's coverage of the question (only examples sharing a term). */
  match(coverage: Coverage, clauseHolds: (clauseId: string, term: string) => boolean): Map<string, ExampleMatch>;
}

/**
 * `read` turns an example into what the analyser sees (staff words in context, as a question is
 * read); the example is shown as written.
 */
export function createExampleMatcher(
  examples: Readonly<Record<string, readonly string[]>>,
  analyser: Analyser,
  read: (example: string) => string = (e) => e,
): ExampleMatcher {
  // Read on the first question long enough to use them: loading the words of hundreds of staff
  // questions costs a dictionary reload (≈0.2 s, ≈10 MB) that a one-shot `ask` mostly never needs.
  // One entry per distinct example (the same question may be filed under several clauses): its
  // share of a question is worked out once, then joined with each of its clauses' words.
  interface Entry {
    example: string;
    terms: Set<string>;
    clauseIds: string[];
  }
  let built: { entries: Entry[]; postings: Map<string, number[]> } | undefined;
  const build = () => {
    const entries: Entry[] = [];
    const byText = new Map<string, Entry>();
    const postings = new Map<string, number[]>();
    const readExamples = Object.entries(examples).map(([clauseId, questions]) => [clauseId, questions.map((q) => [q, read(q)] as const)] as const);
    // One dictionary load for every example's words, not one per example (≈1 s for 475).
    analyser.prepare([...new Set(readExamples.flatMap(([, qs]) => qs.map(([, r]) => r)))]);
    for (const [clauseId, questions] of readExamples) {
      for (const [example, text] of questions) {
        const known = byText.get(text);
        if (known) {
          known.clauseIds.push(clauseId);
          continue;
        }
        const terms = new Set(analyser.topicWords(text).flatMap((w) => [...w.terms, ...w.parts.flat()]));
        if (!terms.size) continue;
        const entry: Entry = { example, terms, clauseIds: [clauseId] };
        byText.set(text, entry);
        const at = entries.push(entry) - 1;
        for (const t of terms) {
          const list = postings.get(t);
          if (list) list.push(at);
          else postings.set(t, [at]);
        }
      }
    }
    return { entries, postings };
  };
  return {
    size: Object.values(examples).reduce((n, qs) => n + qs.length, 0),
    match(coverage, clauseHolds) {
      const best = new Map<string, ExampleMatch>();
      if (coverage.terms.length < MIN_TERMS) return best;
      built ??= build();
      const { entries, postings } = built;
      // Only an example holding one of these (the rarest among the examples first) can hold
      // OWN_COVERAGE of the question: at 100× knowledge the others are thousands.
      const required = coverage.required(OWN_COVERAGE, (t) => postings.get(t)?.length ?? 0) ?? coverage.terms;
      const candidates = new Set(required.flatMap((t) => postings.get(t) ?? []));
      for (const i of candidates) {
        const { example, terms, clauseIds } = entries[i]!;
        const own = coverage.terms.filter((t) => terms.has(t));
        if (coverage.of(own) < OWN_COVERAGE) continue;
        const rest = coverage.terms.filter((t) => !terms.has(t));
        for (const clauseId of clauseIds) {
          const c = coverage.of([...own, ...rest.filter((t) => clauseHolds(clauseId, t))]);
          if (c > (best.get(clauseId)?.coverage ?? 0)) best.set(clauseId, { clauseId, example, coverage: c });
        }
      }
      return best;
    },
  };
}
