// A full quiz in a wechaty-puppet-mock group: start, a wrong answer, a right one acknowledged with
// 正确, a timeout reveal pushed without any incoming message, the ranking — and the ranking again
// after the bot restarts on the same DATA_DIR.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realKb } from '../../quiz/quiz-harness.js';
import { lastQuestion } from '../../quiz/solve.js';
import { startQuizWorld, type QuizWorld } from '../../quiz/wechat-quiz-world.js';
import { settle, waitFor } from './mock-world.js';

let dataDir: string;
let world: QuizWorld;
const kb = realKb();
const sentSince = (n: number) => world.roomSent.slice(n).join('\n\n');

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fanguai-quiz-wechat-'));
  world = await startQuizWorld(dataDir, 2);
});
afterAll(async () => {
  await world?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('quiz in a WeChat group', () => {
  it('plays a round: wrong answer, right answer with 正确, timeout reveal, ranking', async () => {
    let from = world.roomSent.length;
    world.mention(world.alice, '出题 2');
    await waitFor(() => /第1\/2题/u.test(sentSince(from)), 'question 1');
    const q1 = lastQuestion(sentSince(from), kb);

    // Answers need no mention while a question is open.
    from = world.roomSent.length;
    world.bob.say(q1.wrong).to(world.room);
    await waitFor(() => sentSince(from).includes('答错了'), 'the wrong-answer reply');
    expect(sentSince(from)).toBe('Bob，答错了，本题不能再答。');

    from = world.roomSent.length;
    world.alice.say(q1.right).to(world.room);
    await waitFor(() => sentSince(from).includes('第1题答案'), 'the right-answer reply');
    expect(sentSince(from)).toContain('正确！Alice +10 分（本群累计 10 分）');
    expect(sentSince(from)).toContain(`第1题答案：${q1.right}. ${q1.options['ABCD'.indexOf(q1.right)]}（条款 ${q1.clausePath}`);

    // Question 2 comes after the pause, and nobody answers it: the timeout reveal is pushed.
    await waitFor(() => /第2\/2题/u.test(sentSince(from)), 'question 2');
    const q2 = lastQuestion(sentSince(from), kb);
    from = world.roomSent.length;
    await waitFor(() => sentSince(from).includes('本轮2题结束'), 'the timeout reveal', 10_000);
    expect(sentSince(from)).toContain(`时间到，没有人答对。\n第2题答案：${q2.right}.`);

    // Chatter after the round is not taken for an answer.
    from = world.roomSent.length;
    world.bob.say(q2.right).to(world.room);
    await settle(300);
    expect(world.roomSent.length).toBe(from);

    world.mention(world.bob, '排行榜');
    await waitFor(() => sentSince(from).includes('排行榜'), 'the ranking');
    expect(sentSince(from)).toBe('排行榜（本群）：\n1. Alice 10分（答对1/1）\n2. Bob 0分（答对0/1）');
  });

  it('has the same ranking after the bot restarts', async () => {
    await world.restart();
    const from = world.roomSent.length;
    world.mention(world.alice, '/quiz rank');
    await waitFor(() => sentSince(from).includes('排行榜'), 'the ranking after restart');
    expect(sentSince(from)).toBe('排行榜（本群）：\n1. Alice 10分（答对1/1）\n2. Bob 0分（答对0/1）');
  });
});
