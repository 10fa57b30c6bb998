// 「我是民政厅的」 / /quiz unit: a person's unit is remembered and their practice and their group's
// daily question lean towards the clauses that unit leads or cooperates on.
import { afterEach, describe, expect, it } from 'vitest';
import { quizClauses } from '../../src/quiz/question-maker.js';
import { shanghai } from './fake-scheduler.js';
import { createHarness, flush, realKb, type Harness, type Speaker } from './quiz-harness.js';
import { lastDailyQuestion, lastQuestion } from './solve.js';

const kb = realKb();
const involves = (path: string, unit: string) => {
  const c = kb.clauses.find((x) => x.path === path)!;
  return c.lead.includes(unit) || c.cooperate.includes(unit);
};
/** The share of the clauses a question can be made from that involve the unit. */
const shareOf = (unit: string) => quizClauses(kb).filter((c) => c.lead.includes(unit) || c.cooperate.includes(unit)).length / quizClauses(kb).length;
const privately = (id: string): Speaker => ({ id, name: id, conversationId: `dm-${id}`, isGroup: false });

const opened: Harness[] = [];
afterEach(() => {
  for (const h of opened.splice(0)) {
    h.quiz.close();
    h.db.close();
  }
});
const harness = (seed: number, now?: number) => {
  const h = createHarness({ seed, ...(now ? { now, adminIds: ['wechat:wx_trainer'] } : {}) });
  opened.push(h);
  return h;
};

describe('my unit first', () => {
  it('sets, shows and clears a unit by command or by saying 我是…的, and refuses an unknown one in one line', async () => {
    const h = harness(1);
    const me = privately('wx_dan');
    const count = (await h.say(me, '/quiz unit 民政厅')).join('\n');
    expect(count).toMatch(/^已记下：你是省民政厅的。练习和每日一题会多考省民政厅负责或配合的条款（共\d+条）。$/u);
    expect(Number(/共(\d+)条/u.exec(count)![1])).toBeGreaterThan(3);
    expect((await h.say(me, '/quiz unit')).join('\n')).toBe('你的单位：省民政厅。改单位：/quiz unit 单位名称；清除：/quiz unit 清除。');
    expect((await h.say(me, '我是公安厅的')).join('\n')).toMatch(/^已记下：你是省公安厅的。/u);
    expect((await h.say({ ...me, conversationId: 'room9', isGroup: true, mention: true }, '我是妇联的')).join('\n')).toMatch(/^已记下：你是省妇联的。/u);
    expect((await h.say(me, '我是火星厅的')).join('\n')).toBe('不认识单位「火星厅」：请写单位名称，如 民政厅、公安厅、团省委。');
    expect((await h.say(me, '/quiz unit 火星')).join('\n')).toBe('不认识单位「火星」：请写单位名称，如 民政厅、公安厅、团省委。');
    // Not a unit at all: an ordinary message, passed on to the assistant.
    expect((await h.say(me, '我是新来的')).join('\n')).not.toContain('单位');
    // A group message not addressed to the bot is nobody's business.
    expect(await h.say({ ...me, conversationId: 'room9', isGroup: true }, '我是民政厅的')).toEqual([]);
    expect((await h.say(me, '/quiz unit')).join('\n')).toContain('你的单位：省妇联');
    expect((await h.say(me, '/quiz unit 清除')).join('\n')).toBe('已清除你的单位。');
    expect((await h.say(me, '/quiz unit')).join('\n')).toContain('设置你的单位');
  });

  it('asks a person more often about their unit’s clauses in private practice', async () => {
    const unit = '省司法厅';
    const share = shareOf(unit);
    let withUnit = 0;
    let without = 0;
    const trials = 40;
    for (let seed = 1; seed <= trials; seed++) {
      const a = harness(seed);
      await a.say(privately('wx_x'), '/quiz unit 司法厅');
      if (involves(lastQuestion((await a.say(privately('wx_x'), '出题 1')).join('\n'), kb).clausePath, unit)) withUnit += 1;
      const b = harness(seed);
      if (involves(lastQuestion((await b.say(privately('wx_x'), '出题 1')).join('\n'), kb).clausePath, unit)) without += 1;
    }
    // Four times the weight: about 4s/(4s+1-s) of the questions (≈ 0.6) instead of about s (≈ 0.3).
    expect(share).toBeLessThan(0.35);
    expect(withUnit / trials).toBeGreaterThan(0.45);
    expect(without / trials).toBeLessThan(0.4);
    expect(withUnit).toBeGreaterThan(without + 6);
  });

  it('leans a group’s daily question towards the units its people said', async () => {
    let hits = 0;
    const trials = 24;
    for (let seed = 1; seed <= trials; seed++) {
      const h = harness(seed, shanghai('2026-12-01 09:00'));
      const room = (id: string, mention = true): Speaker => ({ id, name: id, conversationId: 'room1', isGroup: true, mention });
      await h.say(room('wx_trainer'), '/quiz daily on 09:10');
      await h.say(room('wx_a'), '我是团省委的');
      await h.say(room('wx_b'), '我是团委的');
      h.quiz.start();
      h.clock.advance(10 * 60_000);
      await flush();
      if (involves(lastDailyQuestion(h.pushedTo('room1').join('\n'), kb).clausePath, '团省委')) hits += 1;
    }
    // Two people of 团省委 (5 of the clauses): 8 times the weight, about 0.6 of the questions instead of 0.16.
    expect(shareOf('团省委')).toBeLessThan(0.2);
    expect(hits / trials).toBeGreaterThan(0.4);
  });
});
