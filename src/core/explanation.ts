// Why an answer came out (`npm run kb -- test "问题"`): the route the question took, the words it
// was searched by, and every ranked clause with its score, coverage and matched terms. Produced by
// the assistant's own retrieval (Assistant.explain), never by a second copy of it.
import type { OutsideReason } from './outside-scope.js';
import type { Reply } from './types.js';

export type Route =
  | 'empty' // nothing to ask
  | 'clause-path' // an outline number such as 二（一）3
  | 'quote' // a sentence of the document
  | 'organisation' // the joint meeting, its members, convenor or office
  | 'unit-duties' // a unit and nothing else
  | 'no-topic' // nothing to search by: refused before searching
  | 'outside' // names a unit the document does not have, another province's rules or units, asks for facts it never gives (phone numbers, office holders, budgets), or holds an outside_words word
  | 'search'; // ranked retrieval, refused below the coverage threshold

export interface ExplainedHit {
  id: string;
  document: string;
  path: string;
  score: number;
  /** Share of the question's topic words this clause holds (0–1). */
  coverage: number;
  /** Coverage reaches the threshold: the clause may be given as an answer. */
  passes: boolean;
  /** Question terms found in the clause, each with the fields it was found in (text, titles, units). */
  matched: Record<string, string[]>;
  /** The staff example (knowledge/examples.yaml) whose words, with the clause's, gave this coverage. */
  example?: string;
}

export interface Explanation {
  question: string;
  /** The question after normalisation (simplified characters, half-width, no spaces). */
  normalised: string;
  /** Level the question names (县里 → 县), and whether a document of that level answered it. */
  level?: { named: string; restricted: boolean };
  /** Units the question names, as found and as used (县里民政局 → 县民政局). */
  units: Array<{ alias: string; unit: string }>;
  /** The word that put the question outside the document (route 'outside'). */
  outside?: OutsideReason;
  route: Route;
  /** Topic words the ranking weighs (question words and unit names left out). */
  topicWords: string[];
  /** Coverage below which a clause is not given as an answer. */
  minCoverage: number;
  /** Ranked clauses, best first (search and organisation routes). */
  hits: ExplainedHit[];
  /** What ask() answers. */
  reply: Reply;
}
