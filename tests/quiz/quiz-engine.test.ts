// The quiz through the real chat handler: what people in groups and private chats see.
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, flush, realKb, type Harness, type Speaker } from './quiz-harness.js';
import { lastQuestion } from './solve.js';

const group = (id: string, name: string, conversationId = 'room1'): Speaker => ({ id, name, conversationId, isGroup: true });
const alice = group('wx_alice', 'Alice');
const bob = group('wx_bob', 'Bob');
const carol = group('wx_carol', 'Carol');
const mention = (s: Speaker): Speaker => ({ ...s, mention: true });

let h: Harness;
afterEach(() => {
  h?.quiz.close();
  h?.db.close();
});

describe('a group quiz', () => {
  it('asks with four options, says 答错了 without the answer, acknowledges the first right answer with 正确 and reveals', async () => {
    h = createHarness();
    const start = (await h.say(mention(alice), '出题 3')).join('\n');
    expect(start).toContain('开始答题：3题');
    const q = lastQuestion(start, realKb());
    expect(q.index).toBe(1);
    expect(new Set(q.options).size).toBe(4);

    const wrong = await h.say(bob, q.wrong);
    expect(wrong.join('\n')).toContain('答错了');
    expect(wrong.join('\n')).not.toContain(q.options['ABCD'.indexOf(q.right)]!);
    expect(wrong.join('\n')).not.toContain('答案');

    // One try each: Bob cannot now try the other letters.
    expect((await h.say(bob, q.right)).join('\n')).toContain('已经答过');

    const right = (await h.say(alice, q.right)).join('\n');
    expect(right).toContain('正确');
    expect(right).toContain('Alice +10 分');
    expect(right).toContain(`第1题答案：${q.right}. ${q.options['ABCD'.indexOf(q.right)]}`);
    expect(right).toContain(`条款 ${q.clausePath}`);

    // The next question follows after the pause, through the push path.
    expect(h.pushedTo('room1')).toEqual([]);
    h.clock.advance(2000);
    await flush();
    expect(lastQuestion(h.pushedTo('room1').join('\n'), realKb()).index).toBe(2);
  });

  it('asks to be @-mentioned with the answer where the platform delivers only @-messages, and only there', async () => {
    h = createHarness();
    const wecom = { ...mention(alice), mentionsOnly: true, platform: 'wecom', conversationId: 'wrkchat1' };
    const question = (await h.say(wecom, '出题 1')).join('\n');
    expect(question).toContain('请@我回复字母或单位名称');
    const q = lastQuestion(question, realKb());
    expect((await h.say(wecom, q.right)).join('\n')).toContain('正确');
    const wechat = (await h.say(mention(alice), '出题 1')).join('\n');
    expect(wechat).toContain('回复字母或单位名称');
    expect(wechat).not.toContain('@我');
  });

  it('reveals on timeout, moves on, and ends the round with a summary', async () => {
    h = createHarness({ timeoutSeconds: 30 });
    const q1 = lastQuestion((await h.say(mention(alice), '/quiz start 2')).join('\n'), realKb());
    h.clock.advance(29_000);
    await flush();
    expect(h.pushedTo('room1')).toEqual([]);
    h.clock.advance(1000);
    await flush();
    const timeUp = h.pushedTo('room1').join('\n');
    expect(timeUp).toContain('时间到');
    expect(timeUp).toContain(`第1题答案：${q1.right}.`);
    h.clock.advance(2000 + 30_000);
    await flush();
    const all = h.pushedTo('room1').join('\n');
    expect(all).toContain('第2/2题');
    expect(all).toContain('本轮2题结束');
    expect(h.quiz.engine.isRunning({ platform: 'wechat', conversationId: 'room1' })).toBe(false);
  });

  it('takes a unit name or alias as an answer, and ignores chatter', async () => {
    h = createHarness();
    const q = lastQuestion((await h.say(mention(alice), '出题 1')).join('\n'), realKb());
    expect(await h.say(bob, '大家好')).toEqual([]);
    const unit = q.options['ABCD'.indexOf(q.right)]!;
    const alias = realKb().units.find((u) => u.name === unit)!.aliases[0]!;
    const reply = (await h.say(carol, alias)).join('\n');
    expect(reply).toContain('正确');
    expect(reply).toContain('Carol');
  });

  it('gives one winner when two right answers arrive together', async () => {
    h = createHarness();
    const q = lastQuestion((await h.say(mention(alice), '出题 2')).join('\n'), realKb());
    const [a, b] = await Promise.all([h.say(alice, q.right), h.say(bob, q.right)]);
    const replies = [a!.join('\n'), b!.join('\n')];
    expect(replies.filter((r) => r.includes('正确'))).toHaveLength(1);
    expect(replies.find((r) => !r.includes('正确'))).toContain('慢了一步');
    const rank = (await h.say(mention(carol), '排行榜')).join('\n');
    expect(rank.match(/10分/gu)).toHaveLength(1);
  });

  it('keeps groups apart: an answer in one group does not touch the other', async () => {
    h = createHarness();
    const inRoom2 = (s: Speaker): Speaker => ({ ...s, conversationId: 'room2' });
    const q1 = lastQuestion((await h.say(mention(alice), '出题 1')).join('\n'), realKb());
    const q2 = lastQuestion((await h.say(mention(inRoom2(bob)), '出题 1')).join('\n'), realKb());
    expect((await h.say(inRoom2(bob), q2.right)).join('\n')).toContain('正确');
    // Room 1's question is still open.
    expect((await h.say(carol, q1.right)).join('\n')).toContain('正确');
    expect((await h.say(mention(alice), '排行榜')).join('\n')).not.toContain('Bob');
    expect((await h.say(mention(inRoom2(bob)), '排行榜')).join('\n')).not.toContain('Carol');
  });

  it('stops on 结束答题 with the answer, and refuses a second start while running', async () => {
    h = createHarness();
    const q = lastQuestion((await h.say(mention(alice), '出题 5')).join('\n'), realKb());
    expect((await h.say(mention(bob), '出题')).join('\n')).toContain('正在答题中');
    const stop = (await h.say(mention(bob), '结束答题')).join('\n');
    expect(stop).toContain('已结束答题');
    expect(stop).toContain(`第1题答案：${q.right}.`);
    expect(await h.say(alice, q.right)).toEqual([]);
    h.clock.advance(3_600_000);
    await flush();
    expect(h.pushedTo('room1')).toEqual([]);
  });

  it('limits questions to a section or a unit', async () => {
    h = createHarness();
    const section = (await h.say(mention(alice), '/quiz start 3 二（三）')).join('\n');
    expect(section).toContain('第二（三）部分');
    await h.say(mention(alice), '结束答题');
    const q = lastQuestion(section, realKb());
    expect(q.clausePath.startsWith('二（三）')).toBe(true);
    const unit = (await h.say(mention(alice), '出题 2 民政厅')).join('\n');
    expect(unit).toContain('涉及省民政厅的条款');
    const byUnit = lastQuestion(unit, realKb());
    const clause = realKb().clauses.find((c) => c.path === byUnit.clausePath)!;
    expect([...clause.lead, ...clause.cooperate]).toContain('省民政厅');
    await h.say(mention(alice), '结束答题');
    expect((await h.say(mention(alice), '出题 火星')).join('\n')).toContain('不认识「火星」');
  });

  it('answers 我的成绩 and the ranking per person', async () => {
    h = createHarness();
    let q = lastQuestion((await h.say(mention(alice), '出题 2')).join('\n'), realKb());
    await h.say(alice, q.right);
    h.clock.advance(2000);
    await flush();
    q = lastQuestion(h.pushedTo('room1').join('\n'), realKb());
    await h.say(bob, q.wrong);
    await h.say(alice, q.right);
    const rank = (await h.say(mention(bob), '/quiz rank')).join('\n');
    expect(rank).toMatch(/1\. Alice 20分（答对2\/2）\n2\. Bob 0分（答对0\/1）/u);
    expect((await h.say(mention(alice), '我的成绩')).join('\n')).toContain('本群：20分，答题2次，答对2次（100%），第1名');
  });

  it('asks the next question from the knowledge being served now', async () => {
    h = createHarness();
    await h.say(mention(alice), '出题 2');
    // A reload that leaves one clause (the other engineer's hot reload swaps the knowledge like this).
    const only = realKb().clauses.find((c) => c.path === '二（一）2（3）')!;
    h.kb.current = { ...realKb(), clauses: [only] };
    h.clock.advance(30_000 + 2000);
    await flush();
    const q2 = lastQuestion(h.pushedTo('room1').join('\n'), realKb());
    expect(q2.clausePath).toBe('二（一）2（3）');
  });

  it('works in Slack through /fanguai, where the text arrives without a slash', async () => {
    h = createHarness();
    const slack: Speaker = { id: 'U1', name: 'u1', conversationId: 'C1:U1', isGroup: true, platform: 'slack', mention: true };
    const started = (await h.say(slack, 'quiz start 1')).join('\n');
    expect(started).toContain('第1/1题');
    const q = lastQuestion(started, realKb());
    expect((await h.say(slack, q.right)).join('\n')).toContain('正确');
  });
});

describe('private practice', () => {
  const me: Speaker = { id: 'wx_dave', name: 'Dave', conversationId: 'wx_dave', isGroup: false };

  it('closes a question at once after a wrong answer (nobody else can answer) and asks the next', async () => {
    h = createHarness();
    const q = lastQuestion((await h.say(me, '出题 2')).join('\n'), realKb());
    const reply = (await h.say(me, q.wrong)).join('\n');
    expect(reply).toMatch(/^答错了。/u);
    expect(reply).toContain(`第1题答案：${q.right}.`);
    expect(lastQuestion(reply, realKb()).index).toBe(2);
  });

  it('asks more often about the clauses the person got wrong', async () => {
    h = createHarness({ seed: 42 });
    // Get one clause wrong on purpose.
    const first = lastQuestion((await h.say(me, '出题 1')).join('\n'), realKb());
    await h.say(me, first.wrong);
    let repeats = 0;
    const rounds = 40;
    for (let i = 0; i < rounds; i++) {
      const q = lastQuestion((await h.say(me, '出题 1')).join('\n'), realKb());
      if (q.clausePath === first.clausePath) repeats += 1;
      await h.say(me, '结束答题');
    }
    const clauses = new Set(realKb().clauses.filter((c) => c.lead.length + c.cooperate.length > 0).map((c) => c.path)).size;
    // Drawn uniformly it would come up about rounds/clauses (≈1) times.
    expect(repeats).toBeGreaterThan((3 * rounds) / clauses);
    expect((await h.say(me, '我的成绩')).join('\n')).toContain('待复习');
  });
});
