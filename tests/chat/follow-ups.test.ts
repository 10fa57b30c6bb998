// Follow-ups and digests through the real message handler (what every platform calls) with the
// real core and knowledge, and the memory's clock injected.
import { describe, expect, it } from 'vitest';
import { createChatHandler } from '../../src/chat/create-chat-handler.js';
import type { IncomingMessage } from '../../src/chat/types.js';
import { createAssistant } from '../../src/core/assistant.js';
import { DIGEST_MAX_CHARS } from '../../src/core/reply-view.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir } from '../../src/knowledge/paths.js';

const kb = loadKnowledgeBase(knowledgeDir());
const assistant = createAssistant({ kb });

function chat() {
  let now = 0;
  const handler = createChatHandler({ assistant, prefixes: ['反拐'], memory: { ttlMs: 5 * 60_000, now: () => now } });
  const say = async (text: string, over: Partial<IncomingMessage> = {}) => {
    const out = await handler({
      platform: 'console', conversationId: 'c1', isGroup: false, senderId: 'alice', text, mentioned: false, fromSelf: false, ...over,
    });
    return out.map((o) => o.text).join('\n');
  };
  return { say, advance: (ms: number) => void (now += ms) };
}

const clause = (id: string) => kb.clauses.find((c) => c.id === id)!;

describe('follow-ups in a conversation', () => {
  it('那配合的呢 names the cooperating units of the last answer; 这条全文 shows it whole', async () => {
    const { say } = chat();
    expect(await say('谁负责婚姻登记')).toContain('负责：省民政厅');
    const coop = await say('那配合的呢');
    expect(coop.split('\n')[0]).toBe('二（一）3（1） 的配合单位：省公安厅。');
    expect(await say('这条全文')).toContain(clause('p2-1-3-1').text);
  });

  it('还有呢 offers the next clause, then says there is no more', async () => {
    const { say } = chat();
    await say('谁负责婚姻登记');
    const next = await say('还有呢');
    expect(next).not.toContain('规范婚姻登记管理');
    expect(next).toContain('二（一）3（5）');
    let last = next;
    for (let i = 0; i < 8 && !last.includes('没有更多'); i++) last = await say('还有呢');
    expect(last).toContain('没有更多相关条款');
  });

  it('那X呢 asks the same of another unit, or the same frame of another topic', async () => {
    const { say } = chat();
    await say('民政厅负责哪些工作');
    const other = await say('那妇联呢');
    expect(other).toMatch(/^省妇联：负责 \d+ 项，配合 \d+ 项。/);
    await say('收养谁负责');
    expect((await say('那网信办呢')).split('\n')[0]).toBe('省委网信办在 二（一）3（4） 中：配合。');
    await say('谁负责婚姻登记');
    expect(await say('那收养呢')).toContain('完善儿童收养制度');
  });

  it('X在里面干啥 gives that unit\'s part in the clause just answered, not its whole list', async () => {
    const { say } = chat();
    await say('收养谁负责');
    expect((await say('网信办在里面干啥')).split('\n')[0]).toBe('省委网信办在 二（一）3（4） 中：配合。');
    expect((await say('公安在这条里负责什么')).split('\n')[0]).toBe('省公安厅在 二（一）3（4） 中：负责。');
    expect((await say('卫健委也掺和吗')).split('\n')[0]).toBe('省卫健委在 二（一）3（4） 中：配合。');
    expect((await say('网信办是配合吗')).split('\n')[0]).toBe('省委网信办在 二（一）3（4） 中：配合。');
  });

  it('配合的是哪几家 / 还有别的单位吗 name the cooperating units; X是牵头还是配合 gives that unit\'s part', async () => {
    const { say } = chat();
    await say('谁负责婚姻登记');
    expect((await say('配合的是哪几家')).split('\n')[0]).toBe('二（一）3（1） 的配合单位：省公安厅。');
    expect((await say('还有别的单位吗')).split('\n')[0]).toBe('二（一）3（1） 的配合单位：省公安厅。');
    expect((await say('有配合的单位没')).split('\n')[0]).toBe('二（一）3（1） 的配合单位：省公安厅。');
    await say('收养谁负责');
    expect((await say('网信办是牵头还是配合')).split('\n')[0]).toBe('省委网信办在 二（一）3（4） 中：配合。');
    expect((await say('那网信办干啥的')).split('\n')[0]).toBe('省委网信办在 二（一）3（4） 中：配合。');
    expect((await say('卫健委也有份？')).split('\n')[0]).toBe('省卫健委在 二（一）3（4） 中：配合。');
    await say('谁负责婚姻登记');
    expect((await say('就这两家吗')).split('\n')[0]).toBe('二（一）3（1） 的配合单位：省公安厅。');
  });

  it('a short message naming only units of the last clause, asking no list, asks their part in it', async () => {
    const { say } = chat();
    await say('代孕的打击谁负责');
    expect((await say('民政也算负责单位？')).split('\n')[0]).toBe('省民政厅在 二（一）3（3） 中：负责。');
    await say('被拐受害人的心理疏导谁管');
    expect((await say('公安是配合对吧')).split('\n')[0]).toBe('省公安厅在 二（三）1（6） 中：配合。');
    await say('学校门口护学岗归谁');
    const both = await say('就教育和公安俩？');
    expect(both).toContain('二（一）2（4）');
    expect(both).toContain('负责：省教育厅、省公安厅');
    // Asking a list is the unit's own list, as before.
    await say('收养谁负责');
    expect(await say('公安负责哪些工作')).toMatch(/^省公安厅：负责 \d+ 项，配合 \d+ 项。/);
    await say('谁负责婚姻登记');
    expect(await say('公安那块都负责啥')).toMatch(/^省公安厅：负责 \d+ 项，配合 \d+ 项。/);
  });

  it('a message refused alone for want of a topic, right after an answer, is about that answer', async () => {
    const { say } = chat();
    await say('打拐经费保障谁负责');
    const again = await say('具体是哪些部门啊');
    expect(again).toContain('二（二）2（1）');
    await say('谁负责婚姻登记');
    const others = await say('还有别的单位一起吗');
    expect(others).toContain('二（一）3（1）');
    expect(others).toContain('省公安厅');
    // Thanks and greetings ask nothing of the last answer.
    expect(await say('好的谢谢')).not.toContain('二（一）3（1）');
  });

  it('the clause\'s text asked around 原文/全文 in other words shows it whole', async () => {
    const { say } = chat();
    await say('反拐普法谁牵头');
    expect(await say('这条具体咋写的，原文贴一下')).toContain(clause('p2-4-1-2').text);
    await say('谁负责婚姻登记');
    expect(await say('全文发我一下')).toContain(clause('p2-1-3-1').text);
  });

  it('那X呢 asks X alone when the last topic\'s words would pull the answer back to a clause without X', async () => {
    const { say } = chat();
    expect(await say('净网行动谁负责')).toContain('二（一）2（3）');
    expect(await say('那隔空猥亵呢')).toContain('二（二）2（？）');
  });

  it('a follow-up with nothing to follow says what to ask', async () => {
    const { say } = chat();
    for (const text of ['那配合的呢', '还有呢', '这条全文', '还有别的单位吗']) expect(await say(text)).toContain('请直接问，例如');
  });

  it('forgets after a few minutes', async () => {
    const { say, advance } = chat();
    await say('谁负责婚姻登记');
    advance(5 * 60_000);
    expect(await say('那配合的呢')).toContain('请直接问');
  });

  it('in a group, each member has their own thread', async () => {
    const { say } = chat();
    const inGroup = (senderId: string) => ({ isGroup: true, conversationId: 'room', senderId, mentioned: true });
    await say('谁负责婚姻登记', inGroup('alice'));
    await say('收养谁负责', inGroup('bob'));
    expect((await say('那配合的呢', inGroup('alice'))).split('\n')[0]).toBe('二（一）3（1） 的配合单位：省公安厅。');
    expect((await say('那配合的呢', inGroup('bob'))).split('\n')[0]).toBe('二（一）3（4） 的配合单位：省委网信办、省卫健委。');
  });

  it('in a group, a bare 全文 shows the clause this member was answered, like 这条全文', async () => {
    const { say } = chat();
    const inGroup = (senderId: string) => ({ isGroup: true, conversationId: 'room', senderId, mentioned: true });
    await say('谁负责婚姻登记', inGroup('alice'));
    await say('收养谁负责', inGroup('bob'));
    expect(await say('全文', inGroup('alice'))).toContain(clause('p2-1-3-1').text);
    expect(await say('全文', inGroup('bob'))).toContain(clause('p2-1-3-4').text);
    // After a digest's number, 全文 again is that numbered clause.
    const digest = await say('民政厅负责哪些工作', inGroup('carol'));
    const third = /^3\. (\S+)/m.exec(digest)![1]!;
    const shown = await say('3', inGroup('carol'));
    expect(shown).toContain(third);
    expect(await say('全文', inGroup('carol'))).toBe(shown);
  });
});

describe('a unit digest in chat', () => {
  it('counts, one short numbered line per clause, under 2,000 characters; a number shows that clause', async () => {
    const { say } = chat();
    const digest = await say('省公安厅负责哪些工作');
    const lead = kb.clauses.filter((c) => c.lead.includes('省公安厅'));
    const coop = kb.clauses.filter((c) => c.cooperate.includes('省公安厅'));
    expect(digest.split('\n')[0]).toBe(`省公安厅：负责 ${lead.length} 项，配合 ${coop.length} 项。`);
    expect(digest.length).toBeLessThanOrEqual(DIGEST_MAX_CHARS);
    expect(digest).toContain('回复编号看全文');
    const lines = digest.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines).toHaveLength(lead.length + coop.length);
    for (const l of lines) expect(Array.from(l.replace(/^\d+\. \S+ /, '')).length).toBeLessThanOrEqual(20);
    const third = /^3\. (\S+)/.exec(lines[2]!)![1]!;
    const full = await say('3');
    expect(full).toContain(third);
    expect(full).toContain(kb.clauses.find((c) => c.path === third)!.text);
    expect(await say('99')).toContain('没有第 99 项');
  });

  it('two units with roles list the clauses they share in those roles', async () => {
    const { say } = chat();
    const reply = await say('公安负责、网信办配合的事');
    const shared = kb.clauses.filter((c) => c.lead.includes('省公安厅') && c.cooperate.includes('省委网信办'));
    expect(reply.split('\n')[0]).toBe(`省公安厅负责、省委网信办配合的条款：${shared.length} 项。`);
    for (const c of shared) expect(reply).toContain(`${c.path} `);
    expect(await say('教育厅牵头、公安配合的有哪些')).toMatch(/^没有省教育厅负责、省公安厅配合的条款。/);
  });
});

describe('confidence in chat', () => {
  it('a question understood through a typo says in one line it is the nearest clause', async () => {
    const { say } = chat();
    const reply = await say('婚姻登计谁负责');
    expect(reply.split('\n')[0]).toBe('最接近的条款是 二（一）3（1）（按「婚姻登记」理解），如果不对请回复「不对」。');
    expect((await say('谁负责婚姻登记相关反拐措施')).split('\n')[0]).not.toContain('最接近');
  });
});
