// 每日一题 in a Slack channel through the real Bolt app over HTTP (signed requests, the local fake
// Web API), on a fake clock: switched on with /fanguai, posted into the channel itself at 09:30 Shanghai
// time saying to @ the bot (channels deliver only mentions), answered by a mention in any thread of
// the channel, and not posted again by a new instance on the same SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createChatHandler } from '../../../src/chat/create-chat-handler.js';
import { createPushRegistry } from '../../../src/chat/push.js';
import { createQuiz, type Quiz } from '../../../src/quiz/create-quiz.js';
import { databasePath, openDatabase, type Db } from '../../../src/store/open-database.js';
import { fakeAssistant } from '../../chat/fake-assistant.js';
import { createFakeScheduler, shanghai, type FakeScheduler } from '../../quiz/fake-scheduler.js';
import { realKb } from '../../quiz/quiz-harness.js';
import { lastDailyQuestion } from '../../quiz/solve.js';
import { FORM, commandBody, eventBody, mentionEvent, sendSigned, startHarness, waitFor, type Harness } from './harness.js';

let dir: string | undefined;
const running: Array<{ h: Harness; quiz: Quiz; db: Db }> = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.h.stop();
    r.quiz.close();
    r.db.close();
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** One bot instance on the SQLite file in `dir`, wired as start.ts wires it. */
async function boot(clock: FakeScheduler) {
  dir ??= mkdtempSync(join(tmpdir(), 'fanguai-daily-slack-'));
  const db = openDatabase(databasePath(dir));
  const push = createPushRegistry();
  const quiz = createQuiz({ db, getKnowledge: realKb, push, timeoutSeconds: 30, scheduler: clock });
  const handler = createChatHandler({
    assistant: fakeAssistant(),
    prefixes: ['/fanguai'],
    commands: [quiz.command],
    interceptors: [quiz.interceptor],
    adminIds: ['slack:U0ALICE'],
  });
  const h = await startHarness(handler, { push });
  quiz.start();
  running.push({ h, quiz, db });
  return h;
}

const dailyPosts = (h: Harness) => h.slack.posts().filter((c) => String(c.params.text).startsWith('每日一题（'));
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('每日一题 in Slack', () => {
  it('posts into the channel at the set time, takes mentions as answers, and is not posted twice by a new instance', async () => {
    const clock = createFakeScheduler(shanghai('2026-12-01 09:00'));
    const h = await boot(clock);
    await sendSigned(h.eventsUrl, commandBody(h.slack, 'quiz daily on 09:30'), { contentType: FORM });
    await waitFor(() => h.slack.responses.some((r) => String(r.body.text).includes('每日一题已开启')), 'the confirmation');

    clock.advance(30 * 60_000);
    await waitFor(() => dailyPosts(h).length === 1, 'the daily question');
    const post = dailyPosts(h)[0]!;
    // Into the channel itself, not a thread, and not ephemeral.
    expect(post.params.channel).toBe('C0TRAINING');
    expect(post.params.thread_ts).toBeUndefined();
    expect(h.slack.calls.some((c) => c.method === 'chat.postEphemeral')).toBe(false);
    expect(String(post.params.text)).toContain('请@我回复字母或单位名称（本群机器人只能收到@它的消息），每人一次，10:30 公布答案。');
    const q = lastDailyQuestion(String(post.params.text), realKb());

    // Bob @-mentions the bot with his answer, in a thread of his own.
    await sendSigned(h.eventsUrl, eventBody(mentionEvent(q.right, { user: 'U0BOB', ts: '1764552700.000100', event_ts: '1764552700.000100' })));
    await waitFor(() => h.slack.posts().some((c) => String(c.params.text).startsWith('正确！')), 'the right-answer reply');
    const reply = h.slack.posts().find((c) => String(c.params.text).startsWith('正确！'))!;
    expect(reply.params.text).toBe('正确！U0BOB +10 分，已连续1天答对。');
    expect(reply.params.thread_ts).toBe('1764552700.000100');

    // A new instance on the same file at 09:45: nothing posted again.
    const later = createFakeScheduler(shanghai('2026-12-01 09:45'));
    const again = await boot(later);
    await settle();
    later.advance(10 * 60_000);
    await settle();
    expect(dailyPosts(again)).toEqual([]);
    await sendSigned(again.eventsUrl, commandBody(again.slack, 'quiz daily'), { contentType: FORM });
    await waitFor(() => again.slack.responses.some((r) => String(r.body.text).includes('今天')), 'the status');
    expect(again.slack.responses.map((r) => String(r.body.text)).join('\n')).toContain('今天：已出题（09:30），10:30 公布答案');
    // The reveal comes from the new instance, into the channel.
    later.advance(shanghai('2026-12-01 10:30') - later.now());
    await waitFor(() => again.slack.posts().some((c) => String(c.params.text).includes('每日一题答案')), 'the reveal');
    const reveal = again.slack.posts().find((c) => String(c.params.text).includes('每日一题答案'))!;
    expect(reveal.params.channel).toBe('C0TRAINING');
    expect(String(reveal.params.text)).toContain(`（条款 ${q.clausePath}`);
    expect(String(reveal.params.text)).toContain('答对1人：U0BOB。');
  });
});
