// Streaks and the week board across a week boundary in the quiz time zone (Asia/Shanghai, UTC+8):
// Monday 00:05 in Shanghai is still Sunday in UTC, so a board that reset on UTC weeks, or streak days
// counted in UTC, would show different numbers from these.
import { afterEach, describe, expect, it } from 'vitest';
import { streakOf } from '../../src/quiz/streaks.js';
import { weekStart } from '../../src/quiz/zoned-time.js';
import { shanghai } from './fake-scheduler.js';
import { createHarness, realKb, type Harness, type Speaker } from './quiz-harness.js';
import { lastQuestion } from './solve.js';

const inRoom = (id: string, name: string): Speaker => ({ id, name, conversationId: 'room1', isGroup: true });
const alice = inRoom('wx_alice', 'Alice');
const bob = inRoom('wx_bob', 'Bob');
const carol = inRoom('wx_carol', 'Carol');
const mention = (s: Speaker): Speaker => ({ ...s, mention: true });

let h: Harness | undefined;
afterEach(() => {
  h?.quiz.close();
  h?.db.close();
  h = undefined;
});

/** At `local` Shanghai time, a one-question round that `who` answers right; returns the reply. */
async function winRound(harness: Harness, who: Speaker, local: string): Promise<string> {
  harness.clock.advance(shanghai(local) - harness.clock.now());
  const q = lastQuestion((await harness.say(mention(who), '出题 1')).join('\n'), realKb());
  return (await harness.say(who, q.right)).join('\n');
}
const say = async (harness: Harness, who: Speaker, text: string) => (await harness.say(mention(who), text)).join('\n');

describe('streaks and the week board', () => {
  it('counts days in the quiz time zone, resets the week at Monday 00:00 there, and breaks ties by who scored first', async () => {
    h = createHarness({ now: shanghai('2026-12-03 08:00') });
    expect(await winRound(h, alice, '2026-12-03 20:00')).toContain('正确！Alice +10 分（本群累计 10 分），已连续1天答对');
    expect(await winRound(h, alice, '2026-12-04 20:00')).toContain('已连续2天答对');
    expect(await winRound(h, alice, '2026-12-05 20:00')).toContain('已连续3天答对');
    // Sunday 23:50 in Shanghai is 15:50 UTC, the same UTC day as Monday 00:05 in Shanghai.
    expect(await winRound(h, alice, '2026-12-06 23:50')).toContain('已连续4天答对');
    expect(await winRound(h, carol, '2026-12-06 23:55')).toContain('已连续1天答对');

    h.clock.advance(shanghai('2026-12-07 00:05') - h.clock.now());
    expect(await say(h, bob, '/quiz rank week')).toBe('本周（12月7日起）还没有答题成绩。');
    expect(await say(h, bob, '排行榜')).toBe('排行榜（本群）：\n1. Alice 40分（答对4/4）\n2. Carol 10分（答对1/1）');

    await winRound(h, bob, '2026-12-07 00:10');
    await winRound(h, carol, '2026-12-07 00:20');
    // Equal points this week: Bob got there first. Carol's Sunday points belong to last week.
    expect(await say(h, alice, '本周排行')).toBe('本周排行榜（12月7日起，本群）：\n1. Bob 10分（答对1/1）\n2. Carol 10分（答对1/1）');
    // Carol's streak runs over midnight: Sunday and Monday.
    expect(await say(h, carol, '我的成绩')).toContain('连续答对：2天（最长2天）。');

    // Alice did not answer on Monday yet: her streak is still alive; by Wednesday it is over.
    h.clock.advance(shanghai('2026-12-07 09:00') - h.clock.now());
    expect(await say(h, alice, '/quiz me')).toContain('连续答对：4天（最长4天）。');
    h.clock.advance(shanghai('2026-12-09 09:00') - h.clock.now());
    expect(await say(h, alice, '/quiz me')).toContain('连续答对：今天还没有（最长4天）。');
    expect(await winRound(h, alice, '2026-12-09 09:10')).toContain('已连续1天答对');

    // On equal points on either board, who reached the score first ranks first.
    await winRound(h, bob, '2026-12-09 09:20');
    expect(await say(h, bob, '排行榜')).toBe('排行榜（本群）：\n1. Alice 50分（答对5/5）\n2. Carol 20分（答对2/2）\n3. Bob 20分（答对2/2）');
    expect(await say(h, bob, '/quiz rank week')).toBe(
      '本周排行榜（12月7日起，本群）：\n1. Bob 20分（答对2/2）\n2. Carol 10分（答对1/1）\n3. Alice 10分（答对1/1）',
    );
  });

  it('puts Monday 00:00 where the time zone has it', () => {
    // Wednesday 2026-12-09 12:00 UTC.
    const wednesday = Date.parse('2026-12-09T12:00:00Z');
    expect(new Date(weekStart(wednesday, 'Asia/Shanghai')).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(new Date(weekStart(wednesday, 'America/New_York')).toISOString()).toBe('2026-12-07T05:00:00.000Z');
    // Exactly Monday 00:00 belongs to the new week.
    expect(weekStart(Date.parse('2026-12-06T16:00:00Z'), 'Asia/Shanghai')).toBe(Date.parse('2026-12-06T16:00:00Z'));
    expect(weekStart(Date.parse('2026-12-06T15:59:59Z'), 'Asia/Shanghai')).toBe(Date.parse('2026-11-29T16:00:00Z'));
  });

  it('keeps a streak alive through yesterday and over a daylight-saving change', () => {
    // 2026-03-29 Europe/Berlin springs forward; 23:30 local on each day.
    const times = ['2026-03-27T23:30:00+01:00', '2026-03-28T23:30:00+01:00', '2026-03-29T23:30:00+02:00'].map(Date.parse);
    expect(streakOf(times, Date.parse('2026-03-30T08:00:00+02:00'), 'Europe/Berlin')).toEqual({ current: 3, best: 3 });
    expect(streakOf(times, Date.parse('2026-03-31T08:00:00+02:00'), 'Europe/Berlin')).toEqual({ current: 0, best: 3 });
    // Just after midnight and late at night in Berlin are two days in a row there, not in UTC.
    const twoNights = [Date.parse('2026-03-27T00:30:00+01:00'), Date.parse('2026-03-28T23:30:00+01:00')];
    const now = Date.parse('2026-03-28T23:45:00+01:00');
    expect(streakOf(twoNights, now, 'Europe/Berlin')).toEqual({ current: 2, best: 2 });
    expect(streakOf(twoNights, now, 'UTC')).toEqual({ current: 1, best: 1 });
  });
});
