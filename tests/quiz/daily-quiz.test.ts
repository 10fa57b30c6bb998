// 每日一题 through the real chat handler with a fake clock: posted at the set time in the quiz time
// zone, answered by several people, revealed with the clause number at the end of its window; never
// posted twice across a restart on the same SQLite file; a missed time posted once on start-up the
// same day; bad input refused in one line with nothing stored; a failing group keeps its schedule.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath, openDatabase } from '../../src/store/open-database.js';
import { shanghai } from './fake-scheduler.js';
import { createHarness, flush, realKb, type Harness, type HarnessOptions, type Speaker } from './quiz-harness.js';
import { lastDailyQuestion } from './solve.js';

const MINUTE = 60_000;

const inRoom = (id: string, name: string): Speaker => ({ id, name, conversationId: 'room1', isGroup: true });
const trainer = { ...inRoom('wx_trainer', '培训老师'), mention: true };
const alice = inRoom('wx_alice', 'Alice');
const bob = inRoom('wx_bob', 'Bob');
const carol = inRoom('wx_carol', 'Carol');

let dir: string | undefined;
const harnesses: Harness[] = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) {
    h.quiz.close();
    h.db.close();
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A bot instance on the SQLite file in `dir`, its clock at `now` — a new instance is a restart. */
function boot(now: number, extra: HarnessOptions = {}): Harness {
  dir ??= mkdtempSync(join(tmpdir(), 'fanguai-daily-'));
  const h = createHarness({ db: openDatabase(databasePath(dir)), now, adminIds: ['wechat:wx_trainer'], dailyWindowMinutes: 60, ...extra });
  harnesses.push(h);
  return h;
}

const said = async (h: Harness, who: Speaker, text: string) => (await h.say(who, text)).join('\n');
const dailyPosts = (h: Harness, conversationId = 'room1') => h.pushedTo(conversationId).filter((t) => t.startsWith('每日一题（'));

describe('每日一题 in a group', () => {
  it('posts at the set time, takes one answer from each person, and reveals the answer with the clause number', async () => {
    const h = boot(shanghai('2026-12-01 08:00'));
    expect(await said(h, trainer, '/quiz daily on 09:30')).toBe(
      '每日一题已开启：每天 09:30（Asia/Shanghai）出一题，范围：全部条款，60分钟后公布答案。今天就开始。',
    );
    h.quiz.start();
    h.clock.advance(shanghai('2026-12-01 09:29') - h.clock.now());
    await flush();
    expect(dailyPosts(h)).toEqual([]);

    h.clock.advance(MINUTE);
    await flush();
    expect(dailyPosts(h)).toHaveLength(1);
    const post = dailyPosts(h)[0]!;
    expect(post).toMatch(/^每日一题（(负责|配合)）12月1日\n/u);
    expect(post).toContain('回复字母或单位名称，每人一次，10:30 公布答案。');
    expect(post).not.toContain('@我');
    const q = lastDailyQuestion(post, realKb());

    // Everyone may answer, once: answers need no mention while it is open.
    expect(await said(h, alice, q.right)).toBe('正确！Alice +10 分，已连续1天答对。');
    expect(await said(h, bob, q.wrong)).toBe('Bob，答错了，10:30 公布答案。');
    expect(await said(h, bob, q.right)).toBe('Bob，今天的题你已经答过了。');
    expect(await said(h, carol, q.options['ABCD'.indexOf(q.right)]!)).toBe('正确！Carol +10 分，已连续1天答对。');
    expect(await h.say(carol, '大家早上好')).toEqual([]);

    h.clock.advance(59 * MINUTE);
    await flush();
    expect(h.pushedTo('room1').join('\n')).not.toContain('每日一题答案');
    h.clock.advance(MINUTE);
    await flush();
    const reveal = h.pushedTo('room1').at(-1)!;
    expect(reveal).toContain(`每日一题答案：${q.right}. ${q.options['ABCD'.indexOf(q.right)]}（条款 ${q.clausePath}；负责：`);
    expect(reveal).toContain('答对2人：Alice、Carol。');
    // After the window an answer is just chatter again.
    expect(await h.say(bob, q.right)).toEqual([]);
    expect(await said(h, { ...alice, mention: true }, '排行榜')).toContain('1. Alice 10分');

    // And again the next day, at the same time.
    h.clock.advance(shanghai('2026-12-02 09:30') - h.clock.now());
    await flush();
    expect(dailyPosts(h)).toHaveLength(2);
    expect(dailyPosts(h)[1]).toMatch(/^每日一题（(负责|配合)）12月2日/u);
  });

  it('reveals yesterday’s answer before today’s question when yesterday’s is still open', async () => {
    const h = boot(shanghai('2026-12-01 09:00'), { dailyWindowMinutes: 1440 });
    await said(h, trainer, '/quiz daily on 09:30');
    h.quiz.start();
    h.clock.advance(30 * MINUTE);
    await flush();
    const q = lastDailyQuestion(dailyPosts(h)[0]!, realKb());
    expect(await said(h, alice, q.right)).toContain('正确！Alice');
    // Moved to 08:00: tomorrow's question comes while today's (open until 09:30 tomorrow) still is.
    expect(await said(h, trainer, '/quiz daily on 08:00')).toContain('每天 08:00');
    h.clock.advance(shanghai('2026-12-02 08:00') - h.clock.now());
    await flush();
    const texts = h.pushedTo('room1');
    const reveal = texts.findIndex((t) => t.startsWith('每日一题答案'));
    expect(reveal).toBeGreaterThan(0);
    expect(texts[reveal]).toContain(`每日一题答案：${q.right}.`);
    expect(texts[reveal]).toContain('答对1人：Alice。');
    expect(texts.findIndex((t, i) => i > reveal && t.startsWith('每日一题（'))).toBeGreaterThan(reveal);
    // Today's question takes today's answers.
    const today = lastDailyQuestion(dailyPosts(h)[1]!, realKb());
    expect(await said(h, alice, today.right)).toBe('正确！Alice +10 分，已连续2天答对。');
  });

  it('says to @ the bot where the platform delivers only @-messages in groups', async () => {
    const h = boot(shanghai('2026-12-01 09:00'), { traits: { wechat: { groupsNeedMention: true } } });
    await said(h, trainer, '每日一题 9:15');
    h.quiz.start();
    h.clock.advance(15 * MINUTE);
    await flush();
    expect(dailyPosts(h)[0]).toContain('请@我回复字母或单位名称（本群机器人只能收到@它的消息），每人一次，10:15 公布答案。');

    // A group whose messages say the platform delivers only @-messages (WeCom, DingTalk) is asked the same way.
    const other = boot(shanghai('2026-12-01 09:00'));
    await said(other, { ...trainer, conversationId: 'wecom-room', mentionsOnly: true }, '/quiz daily on 9:20');
    other.quiz.start();
    other.clock.advance(20 * MINUTE);
    await flush();
    expect(dailyPosts(other, 'wecom-room')[0]).toContain('请@我回复字母或单位名称（本群机器人只能收到@它的消息），每人一次，10:20 公布答案。');
    expect(dailyPosts(h)).toHaveLength(1);
  });

  it('is not posted twice across a restart, and the question stays open and is revealed after it', async () => {
    const first = boot(shanghai('2026-12-01 09:00'));
    await said(first, trainer, '/quiz daily on 09:30');
    first.quiz.start();
    first.clock.advance(30 * MINUTE);
    await flush();
    const q = lastDailyQuestion(dailyPosts(first)[0]!, realKb());
    expect(await said(first, alice, q.right)).toContain('正确！Alice');
    first.quiz.close();
    first.db.close();

    // A new instance on the same file, a quarter of an hour later: nothing is posted again…
    const second = boot(shanghai('2026-12-01 09:45'));
    second.quiz.start();
    await flush();
    second.clock.advance(10 * MINUTE);
    await flush();
    expect(dailyPosts(second)).toEqual([]);
    expect(await said(second, trainer, '/quiz daily')).toContain('今天：已出题（09:30），10:30 公布答案');
    // …the question is still open to those who had not answered, and still closed to those who had…
    expect(await said(second, bob, q.right)).toBe('正确！Bob +10 分，已连续1天答对。');
    expect(await said(second, alice, q.right)).toBe('Alice，今天的题你已经答过了。');
    // …and its answer comes at the end of its window, naming both.
    second.clock.advance(shanghai('2026-12-01 10:30') - second.clock.now());
    await flush();
    expect(second.pushedTo('room1').at(-1)).toContain('答对2人：Alice、Bob。');
  });

  it('posts a time missed while the bot was down once on start-up the same day, never twice, and not the next morning', async () => {
    const first = boot(shanghai('2026-12-01 08:00'));
    await said(first, trainer, '/quiz daily on 09:30 民政厅');
    first.quiz.close();
    first.db.close();

    const second = boot(shanghai('2026-12-01 11:00'));
    second.quiz.start();
    await flush();
    expect(dailyPosts(second)).toHaveLength(1);
    // Asked from the scope set with it: a clause 省民政厅 leads or cooperates on.
    const q = lastDailyQuestion(dailyPosts(second)[0]!, realKb());
    const clause = realKb().clauses.find((c) => c.path === q.clausePath)!;
    expect([...clause.lead, ...clause.cooperate]).toContain('省民政厅');
    second.quiz.close();
    second.db.close();

    const third = boot(shanghai('2026-12-01 11:05'));
    third.quiz.start();
    await flush();
    expect(dailyPosts(third)).toEqual([]);
    // The question of 11:00 is revealed an hour after it was posted.
    third.clock.advance(55 * MINUTE);
    await flush();
    expect(third.pushedTo('room1').join('\n')).toContain(`每日一题答案：${q.right}.`);
    third.quiz.close();
    third.db.close();

    // Started the next day before 09:30: nothing until 09:30.
    const fourth = boot(shanghai('2026-12-02 08:00'));
    fourth.quiz.start();
    await flush();
    expect(dailyPosts(fourth)).toEqual([]);
    fourth.clock.advance(90 * MINUTE);
    await flush();
    expect(dailyPosts(fourth)).toHaveLength(1);
  });

  it('switched on after today’s time, starts tomorrow; switched off, posts nothing', async () => {
    const h = boot(shanghai('2026-12-01 10:00'));
    expect(await said(h, trainer, '/quiz daily on 09:30')).toContain('今天的时间已过，明天开始。');
    h.quiz.start();
    await flush();
    expect(dailyPosts(h)).toEqual([]);
    expect(await said(h, trainer, '每日一题')).toContain('今天：开启时已过 09:30，明天开始');
    h.clock.advance(shanghai('2026-12-02 09:30') - h.clock.now());
    await flush();
    expect(dailyPosts(h)).toHaveLength(1);

    expect(await said(h, trainer, '/quiz daily off')).toBe('每日一题已关闭。');
    h.clock.advance(24 * 60 * MINUTE);
    await flush();
    expect(dailyPosts(h)).toHaveLength(1);
    expect(await said(h, trainer, '/quiz daily')).toBe('这里没有开启每日一题。管理员发送「/quiz daily on 09:30」开启。');
  });

  it('refuses impossible times, unknown sections and units, and non-trainers in one line, storing nothing', async () => {
    const h = boot(shanghai('2026-12-01 08:00'));
    const oneLine = async (text: string, who: Speaker = trainer) => {
      const reply = await said(h, who, text);
      expect(reply.split('\n')).toHaveLength(1);
      return reply;
    };
    expect(await oneLine('/quiz daily on 25:00')).toBe('时间「25:00」不对：请写 00:00 到 23:59 之间的时间，例如 09:30。');
    expect(await oneLine('/quiz daily on 9:60')).toContain('时间「9:60」不对');
    expect(await oneLine('/quiz daily on 24点')).toContain('时间「24点」不对');
    expect(await oneLine('/quiz daily on')).toBe('请写时间，例如：/quiz daily on 09:30');
    expect(await oneLine('/quiz daily on 09:30 火星厅')).toBe('不认识「火星厅」：请写条款编号（如 二（一））或单位名称（如 民政厅）。每日一题没有开启。');
    expect(await oneLine('/quiz daily on 09:30', { ...alice, mention: true })).toContain('只有管理员');
    expect(await oneLine('/quiz daily sometimes')).toContain('每日一题：/quiz daily on 09:30');
    expect(await said(h, trainer, '/quiz daily')).toContain('这里没有开启每日一题');
    h.quiz.start();
    h.clock.advance(24 * 60 * MINUTE);
    await flush();
    expect(dailyPosts(h)).toEqual([]);
  });

  it('keeps the schedule of a group the bot left, retries a few times, says so in the status, and posts again once it can', async () => {
    const unreachable = new Set(['room1']);
    const h = boot(shanghai('2026-12-01 09:00'), { unreachable });
    await said(h, trainer, '/quiz daily on 09:30');
    h.quiz.start();
    h.clock.advance(30 * MINUTE);
    await flush();
    const status = await said(h, trainer, '/quiz daily');
    expect(status).toContain('每日一题：每天 09:30');
    expect(status).toContain('今天：发送失败1次，09:40 再试');
    expect(status).toContain('上次发送失败（12月1日 09:30）：WeChat push: no room or contact room1。日程保留');

    for (let i = 0; i < 3; i++) {
      h.clock.advance(10 * MINUTE);
      await flush();
    }
    expect(await said(h, trainer, '/quiz daily')).toContain('今天：发送失败3次，今天不再重试');
    expect(dailyPosts(h)).toEqual([]);

    unreachable.clear();
    h.clock.advance(shanghai('2026-12-02 09:30') - h.clock.now());
    await flush();
    expect(dailyPosts(h)).toHaveLength(1);
    expect(await said(h, trainer, '/quiz daily')).toContain('今天：已出题（09:30）');
  });
});
