// 每日一题 in a wechaty-puppet-mock group through the real WeChat adapter's push path, on a fake
// clock: posted at 09:30 Shanghai time, answered without a mention, not posted again by a restarted
// bot on the same DATA_DIR; and when the bot is no longer in the room, the send fails, the schedule
// stays and /quiz daily says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeScheduler, shanghai } from '../../quiz/fake-scheduler.js';
import { realKb } from '../../quiz/quiz-harness.js';
import { lastDailyQuestion } from '../../quiz/solve.js';
import { startQuizWorld, type QuizWorld } from '../../quiz/wechat-quiz-world.js';
import { settle, waitFor } from './mock-world.js';

let dataDir: string;
let world: QuizWorld;
const sentSince = (n: number) => world.roomSent.slice(n).join('\n\n');
const dailyCount = () => world.roomSent.filter((t) => t.startsWith('每日一题（')).length;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'fanguai-daily-wechat-'));
});
afterAll(async () => {
  await world?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('每日一题 in a WeChat group', () => {
  it('posts at the set time, takes answers without a mention, and is not posted again after a restart', async () => {
    const clock = createFakeScheduler(shanghai('2026-12-01 09:00'));
    world = await startQuizWorld(dataDir, 30, { scheduler: clock, adminIds: ['wechat:wxid_alice'] });
    let from = world.roomSent.length;
    world.mention(world.alice, '/quiz daily on 09:30');
    await waitFor(() => sentSince(from).includes('每日一题已开启'), 'the confirmation');
    expect(sentSince(from)).toBe('每日一题已开启：每天 09:30（Asia/Shanghai）出一题，范围：全部条款，60分钟后公布答案。今天就开始。');

    from = world.roomSent.length;
    clock.advance(29 * 60_000);
    await settle(200);
    expect(dailyCount()).toBe(0);
    clock.advance(60_000);
    await waitFor(() => dailyCount() === 1, 'the daily question');
    const q = lastDailyQuestion(sentSince(from), realKb());
    expect(sentSince(from)).toContain('回复字母或单位名称，每人一次，10:30 公布答案。');

    from = world.roomSent.length;
    world.bob.say(q.right).to(world.room);
    await waitFor(() => sentSince(from).includes('正确'), 'the right-answer reply');
    expect(sentSince(from)).toBe('正确！Bob +10 分，已连续1天答对。');

    // A new bot on the same DATA_DIR a quarter of an hour later: the day's question is not posted again.
    const later = createFakeScheduler(shanghai('2026-12-01 09:45'));
    await world.restart({ scheduler: later });
    await settle(300);
    later.advance(10 * 60_000);
    await settle(300);
    expect(dailyCount()).toBe(1);
    from = world.roomSent.length;
    world.mention(world.alice, '/quiz daily');
    await waitFor(() => sentSince(from).includes('今天'), 'the status');
    expect(sentSince(from)).toContain('今天：已出题（09:30），10:30 公布答案');
    // The question is still open after the restart, and revealed at the end of its window.
    from = world.roomSent.length;
    later.advance(shanghai('2026-12-01 10:30') - later.now());
    await waitFor(() => sentSince(from).includes('每日一题答案'), 'the reveal');
    expect(sentSince(from)).toContain(`每日一题答案：${q.right}. ${q.options['ABCD'.indexOf(q.right)]}（条款 ${q.clausePath}`);
    expect(sentSince(from)).toContain('答对1人：Bob。');
  });

  it('keeps the schedule when the bot is no longer in the room, and says so in the status', async () => {
    const nextDay = createFakeScheduler(shanghai('2026-12-02 09:00'));
    await world.restart({ scheduler: nextDay, roomGone: true });
    nextDay.advance(30 * 60_000);
    await settle(500);
    expect(dailyCount()).toBe(1);
    // Back in the room (a restart lists it again): the status tells what happened, the schedule is there.
    const after = createFakeScheduler(shanghai('2026-12-02 09:35'));
    await world.restart({ scheduler: after });
    const from = world.roomSent.length;
    world.mention(world.alice, '/quiz daily');
    await waitFor(() => sentSince(from).includes('今天'), 'the status');
    expect(sentSince(from)).toContain('每日一题：每天 09:30');
    expect(sentSince(from)).toContain('今天：发送失败1次，09:40 再试');
    expect(sentSince(from)).toContain('上次发送失败（12月2日 09:30）：WeChat push: no room or contact training@chatroom。日程保留');
    // And the retry posts it.
    after.advance(5 * 60_000);
    await waitFor(() => dailyCount() === 2, 'the retried daily question');
  });
});
