// Regression-gated knowledge: knowledge/regression.yaml lists saved questions and the units each
// must keep answering. Knowledge under which any of them answers differently is refused — by
// `kb check`, at start-up and on reload — with the question named, so an edit that silently moves
// a duty to another unit never goes live.
import type { KnowledgeProblem, RegressionQuestion } from '../knowledge/load.js';
import { REGRESSION_FILE } from '../knowledge/load.js';
import type { Assistant } from './assistant.js';

const list = (units: string[]) => (units.length ? units.join('、') : '（无）');

/** One problem per saved question whose top answer is no longer what it was. */
export function checkRegression(questions: readonly RegressionQuestion[], assistant: Pick<Assistant, 'ask'>): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const q of questions) {
    const at = (message: string) =>
      problems.push({ file: `knowledge/${REGRESSION_FILE}`, message: `saved question 「${q.question}」 ${message}` });
    const top = assistant.ask(q.question).answers[0];
    if (!top) {
      at(`is no longer answered (it must answer 负责 ${list(q.lead)})`);
      continue;
    }
    if (q.clause !== undefined && top.path !== q.clause) {
      at(`now answers with clause ${top.path} instead of ${q.clause}`);
      continue;
    }
    if (top.lead.join('、') !== q.lead.join('、') || top.cooperate.join('、') !== q.cooperate.join('、')) {
      const units = (lead: string[], cooperate: string[]) => `负责 ${list(lead)}，配合 ${list(cooperate)}`;
      at(`now answers ${units(top.lead, top.cooperate)} instead of ${units(q.lead, q.cooperate)} (clause ${top.path})`);
    }
  }
  return problems;
}
