// Builds multiple-choice questions from the knowledge base: which unit leads (负责) or cooperates
// (配合) on a clause. Exactly one option is right; the distractors are units that appear elsewhere
// in the document (same section first, so they are plausible) and hold no role in that clause.
import type { Clause, KnowledgeBase } from '../knowledge/types.js';
import { pathSegments, normalisePath } from '../knowledge/outline-path.js';
import { createUnitRegistry } from '../knowledge/unit-registry.js';
import { makeExcerpt } from './excerpt.js';
import { pick, shuffle, type Rng } from './rng.js';
import type { Question, QuizRole } from './types.js';

/** Share of questions that ask for a cooperating unit, when the clause has one. */
const COOPERATE_SHARE = 0.3;

/**
 * 「省反拐工作联席会议各成员单位」 means every member: as an answer every single unit would be right
 * too, and as a distractor it would be half right. The quiz asks about named units only.
 */
export function isCollective(unit: string): boolean {
  return /各成员单位|所有成员单位/u.test(unit);
}

const named = (units: readonly string[]) => units.filter((u) => !isCollective(u));

/** What can be asked about a clause. When every member unit leads, no single unit is "the" lead. */
export function askableRoles(clause: Clause): QuizRole[] {
  const roles: QuizRole[] = [];
  if (named(clause.lead).length > 0 && !clause.lead.some(isCollective)) roles.push('负责');
  if (named(clause.cooperate).length > 0) roles.push('配合');
  return roles;
}

/** Clauses a question can be made from: those with a named lead or cooperating unit to ask for. */
export function quizClauses(kb: KnowledgeBase): Clause[] {
  return kb.clauses.filter((c) => askableRoles(c).length > 0);
}

export type QuizFilter =
  | { kind: 'all' }
  | { kind: 'section'; path: string }
  | { kind: 'unit'; unit: string };

/** Reads the 「section or unit」 argument of 出题: an outline path (二（一）) or a unit name/alias. */
export function parseFilter(kb: KnowledgeBase, text: string): QuizFilter | undefined {
  const t = text.trim();
  if (t === '') return { kind: 'all' };
  const unit = createUnitRegistry(kb.units).resolve(t);
  if (unit) return { kind: 'unit', unit };
  const segs = pathSegments(t);
  if (segs.length > 0 && segs.join('') === normalisePath(t)) return { kind: 'section', path: segs.join('') };
  return undefined;
}

export function describeFilter(filter: QuizFilter): string {
  if (filter.kind === 'section') return `第${filter.path}部分`;
  if (filter.kind === 'unit') return `涉及${filter.unit}的条款`;
  return '全部条款';
}

export function matchesFilter(clause: Clause, filter: QuizFilter): boolean {
  if (filter.kind === 'all') return true;
  if (filter.kind === 'unit') return clause.lead.includes(filter.unit) || clause.cooperate.includes(filter.unit);
  // Segment-wise, so 二（一）1 does not take in 二（一）10.
  const want = pathSegments(filter.path);
  const have = pathSegments(clause.path);
  return want.every((s, i) => have[i] === s);
}

/** A question about `clause`, or undefined when too few plausible distractors exist. */
export function makeQuestion(kb: KnowledgeBase, clause: Clause, rng: Rng): Question | undefined {
  const roles = askableRoles(clause);
  if (roles.length === 0) return undefined;
  const role: QuizRole = roles.length === 2 ? (rng() < COOPERATE_SHARE ? '配合' : '负责') : (roles[0] as QuizRole);
  const right = pick(rng, named(role === '负责' ? clause.lead : clause.cooperate));

  // No unit of this clause may be a distractor: a cooperating unit offered in a 负责 question (or a
  // lead in a 配合 one) would make people argue about the "right" answer.
  const involved = new Set([...clause.lead, ...clause.cooperate]);
  const eligible = (u: string) => !involved.has(u) && !isCollective(u);
  const topSection = pathSegments(clause.path)[0];
  const sameDocument = kb.clauses.filter((c) => c.document === clause.document);
  const inSection = unitsOf(sameDocument.filter((c) => pathSegments(c.path)[0] === topSection)).filter(eligible);
  const inDocument = unitsOf(sameDocument).filter((u) => eligible(u) && !inSection.includes(u));
  const anyUnit = kb.units.map((u) => u.name).filter((u) => eligible(u) && !inSection.includes(u) && !inDocument.includes(u));
  const distractors = [...shuffle(rng, inSection), ...shuffle(rng, inDocument), ...shuffle(rng, anyUnit)].slice(0, 3);
  if (distractors.length < 3) return undefined;

  const options = shuffle(rng, [right, ...distractors]);
  const unit = kb.units.find((u) => u.name === right);
  const terms = [right, ...(unit?.fullName ? [unit.fullName] : []), ...(unit?.aliases ?? [])];
  return {
    clauseId: clause.id,
    clausePath: clause.path,
    role,
    excerpt: makeExcerpt(clause.text, terms),
    options,
    answer: options.indexOf(right),
    lead: [...clause.lead],
    cooperate: [...clause.cooperate],
  };
}

function unitsOf(clauses: readonly Clause[]): string[] {
  const seen = new Set<string>();
  for (const c of clauses) for (const u of [...c.lead, ...c.cooperate]) seen.add(u);
  return [...seen];
}
