// /quiz unit 民政厅 and 「我是民政厅的」: a person says which unit they work in; /quiz unit alone
// shows it, /quiz unit 清除 forgets it.
import type { Outgoing } from '../chat/types.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { createUnitRegistry } from '../knowledge/unit-registry.js';
import type { PersonUnits } from './person-units.js';
import { quizClauses } from './question-maker.js';
import type { QuizPerson, QuizPlace } from './types.js';

const out = (text: string): Outgoing => ({ kind: 'quiz', text });
const CLEAR = ['清除', '取消', '删除', 'clear', 'off', 'none'];

export const UNIT_TEXT = {
  usage: '设置你的单位：/quiz unit 民政厅（或说「我是民政厅的」）。练习和每日一题会多考本单位负责或配合的条款。',
  set: (unit: string, clauses: number) => `已记下：你是${unit}的。练习和每日一题会多考${unit}负责或配合的条款（共${clauses}条）。`,
  current: (unit: string) => `你的单位：${unit}。改单位：/quiz unit 单位名称；清除：/quiz unit 清除。`,
  cleared: '已清除你的单位。',
  unknown: (text: string) => `不认识单位「${text}」：请写单位名称，如 民政厅、公安厅、团省委。`,
  noClauses: (unit: string) => `${unit}在实施细则里没有可出题的条款，练习仍考全部条款。`,
};

export function runUnitCommand(units: PersonUnits, kb: KnowledgeBase, place: QuizPlace, person: QuizPerson, args: string, now: number): Outgoing[] {
  const text = args.trim();
  if (text === '') {
    const unit = units.get(place.platform, person.id);
    return [out(unit ? UNIT_TEXT.current(unit) : UNIT_TEXT.usage)];
  }
  if (CLEAR.includes(text.toLowerCase())) {
    units.clear(place.platform, person.id);
    return [out(UNIT_TEXT.cleared)];
  }
  const unit = createUnitRegistry(kb.units).resolve(text);
  if (!unit) return [out(UNIT_TEXT.unknown(text))];
  units.set(place.platform, person.id, unit, place.conversationId, now);
  const count = quizClauses(kb).filter((c) => c.lead.includes(unit) || c.cooperate.includes(unit)).length;
  return [out(count > 0 ? UNIT_TEXT.set(unit, count) : `${UNIT_TEXT.set(unit, 0)}\n${UNIT_TEXT.noClauses(unit)}`)];
}

/** Words that end the names of units (厅, 局, 委 …): 「我是新来的」 is not a unit. */
const UNIT_ENDING = /(厅|局|委|办|院|会|部|队|署|联|站|所|处|室|中心|团委|妇联|残联|法院|检察院)$/u;

/**
 * The unit in 「我是民政厅的」「我在公安厅工作」「我是省妇联的人」; undefined when the text is not
 * that kind of sentence. Without `unit` it names something that looks like a unit (ends in 厅, 局 …)
 * that the registry does not know, so the person is told.
 */
export function parseIAm(text: string, kb: KnowledgeBase): { unit?: string; said: string } | undefined {
  const m = /^我(?:是|在)(.{1,16}?)(?:的(?:人|同事|工作人员)?|工作|上班)?[。.!！]?$/u.exec(text.trim());
  if (!m) return undefined;
  const said = m[1]!.trim();
  const unit = createUnitRegistry(kb.units).resolve(said);
  if (unit) return { unit, said };
  return UNIT_ENDING.test(said) ? { said } : undefined;
}
