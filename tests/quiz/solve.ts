// Reads a quiz question the way a person sees it and works out the right letter from the knowledge
// files (not from the quiz's own code), so tests never hard-code answers.
import type { KnowledgeBase } from '../../src/knowledge/types.js';

export interface SeenQuestion {
  index: number;
  total: number;
  role: '负责' | '配合';
  excerpt: string;
  options: string[];
  /** Letter of the one option holding the role in the clause the excerpt comes from. */
  right: string;
  /** A letter whose unit holds no role in that clause. */
  wrong: string;
  clausePath: string;
}

const QUESTION = /第(\d+)\/(\d+)题（(负责|配合)）\n「([^」]*)」\n[^\n]*\n(A\. [^\n]+)\n(B\. [^\n]+)\n(C\. [^\n]+)\n(D\. [^\n]+)/gu;
/** 每日一题（负责）12月1日 … — the daily question has no number; index and total read as 1/1. */
const DAILY = /每日一题（(负责|配合)）[^\n]*\n「([^」]*)」\n[^\n]*\n(A\. [^\n]+)\n(B\. [^\n]+)\n(C\. [^\n]+)\n(D\. [^\n]+)/gu;

/** The last daily question in `text`. */
export function lastDailyQuestion(text: string, kb: KnowledgeBase): SeenQuestion {
  const m = [...text.matchAll(DAILY)].at(-1);
  if (!m) throw new Error(`no daily question in:\n${text}`);
  return solve(['', '1', '1', ...m.slice(1)] as unknown as RegExpMatchArray, kb);
}

/** Every question in `text`, in order. */
export function findQuestions(text: string, kb: KnowledgeBase): SeenQuestion[] {
  return [...text.matchAll(QUESTION)].map((m) => solve(m, kb));
}

export function lastQuestion(text: string, kb: KnowledgeBase): SeenQuestion {
  const all = findQuestions(text, kb);
  const q = all.at(-1);
  if (!q) throw new Error(`no question in:\n${text}`);
  return q;
}

function solve(m: RegExpMatchArray, kb: KnowledgeBase): SeenQuestion {
  const role = m[3] as '负责' | '配合';
  const excerpt = m[4]!;
  const options = [m[5]!, m[6]!, m[7]!, m[8]!].map((line) => line.slice(3));
  // The excerpt is the clause text, maybe cut (……) and with the answer's names masked (〇〇).
  const body = excerpt.replace(/……$/u, '');
  const pattern = new RegExp(`^${body.split('〇〇').map(escape).join('.+?')}`, 'u');
  const clauses = kb.clauses.filter((c) => pattern.test(c.text));
  if (clauses.length !== 1) throw new Error(`excerpt matches ${clauses.length} clauses: ${excerpt}`);
  const clause = clauses[0]!;
  const holders = role === '负责' ? clause.lead : clause.cooperate;
  const rightIdx = options.map((o, i) => (holders.includes(o) ? i : -1)).filter((i) => i >= 0);
  if (rightIdx.length !== 1) throw new Error(`expected one right option, got ${rightIdx.length}: ${options.join(' ')}`);
  const involved = new Set([...clause.lead, ...clause.cooperate]);
  const wrongIdx = options.findIndex((o) => !involved.has(o));
  return {
    index: Number(m[1]),
    total: Number(m[2]),
    role,
    excerpt,
    options,
    right: 'ABCD'[rightIdx[0]!]!,
    wrong: 'ABCD'[wrongIdx]!,
    clausePath: clause.path,
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
