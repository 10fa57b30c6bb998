// Recognises an answer to the open question: a letter (B, ｂ, 选B, B.) or a unit's name or alias.
// Anything else is not an answer, so ordinary chat and questions pass through to the assistant.
import type { UnitRegistry } from '../knowledge/unit-registry.js';
import { LETTERS, type Question } from './types.js';

/** choice indexes the options (-1: a unit outside them); unit is the unit answered with. */
export type ParsedAnswer = { choice: number; unit: string };

const LETTER_ANSWER = /^(?:选|答案?[:：]?\s*)?([A-Da-d])[\s.。．、!！)）]*$/u;

export function parseAnswer(text: string, question: Question, registry: UnitRegistry): ParsedAnswer | undefined {
  // Full-width letters (Ａ–Ｄ) come from Chinese keyboards.
  const t = text.trim().replace(/[Ａ-Ｚａ-ｚ]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const letter = LETTER_ANSWER.exec(t);
  if (letter) {
    const choice = LETTERS.indexOf(letter[1]!.toUpperCase() as (typeof LETTERS)[number]);
    return { choice, unit: question.options[choice] as string };
  }
  const name = t.replace(/[。.!！]+$/u, '');
  if (name === '') return undefined;
  const unit = registry.resolve(name) ?? (question.options.includes(name) ? name : undefined);
  if (!unit) return undefined;
  // A unit that is not among the options is still an answer — a wrong one.
  return { choice: question.options.indexOf(unit), unit };
}
