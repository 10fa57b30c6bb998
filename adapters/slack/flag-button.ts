// The 「回答有误」 button under an answer (action id flag_wrong). Its value carries the question and
// the clause ids shown, so a click flags exactly that answer, whatever was asked since.
import type { Reply } from '../../src/core/types.js';
import type { Block } from './blocks.js';

export const FLAG_WRONG_ACTION = 'flag_wrong';

/** Slack's limit on a button value. */
const VALUE_LIMIT = 2000;

export interface FlagValue {
  question: string;
  answerIds: string[];
}

export function flagButtonBlock(reply: Reply): Block {
  const ids = reply.answers.map((a) => a.id).slice(0, 50);
  let question = reply.question;
  let value = JSON.stringify({ q: question, ids });
  // Chinese text is short in characters; this only trims a pathological question.
  while (value.length > VALUE_LIMIT) {
    question = question.slice(0, Math.floor(question.length * 0.8));
    value = JSON.stringify({ q: question, ids });
  }
  return {
    type: 'actions',
    elements: [{ type: 'button', action_id: FLAG_WRONG_ACTION, text: { type: 'plain_text', text: '回答有误' }, value }],
  };
}

export function parseFlagValue(value: string | undefined): FlagValue | undefined {
  try {
    const v = JSON.parse(value ?? '') as { q?: unknown; ids?: unknown };
    if (typeof v.q !== 'string' || !Array.isArray(v.ids)) return undefined;
    return { question: v.q, answerIds: v.ids.filter((x): x is string => typeof x === 'string') };
  } catch {
    return undefined;
  }
}
