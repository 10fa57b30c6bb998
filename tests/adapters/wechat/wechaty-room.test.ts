// End to end in a wechaty-puppet-mock room with the real core and the real knowledge base.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatHandler } from '../../../src/chat/create-chat-handler.js';
import { WECHAT_TEXT_LIMIT } from '../../../src/chat/split-text.js';
import { createAssistant } from '../../../src/core/assistant.js';
import { loadKnowledgeBase } from '../../../src/knowledge/load.js';
import { knowledgeDir } from '../../../src/knowledge/paths.js';
import { startMockWorld, waitFor, type MockWorld } from './mock-world.js';

const QUESTION = '谁负责婚姻登记相关反拐措施';
let world: MockWorld;

beforeAll(async () => {
  const assistant = createAssistant({ kb: loadKnowledgeBase(knowledgeDir()) });
  const handler = createChatHandler({ assistant, prefixes: ['反拐', '/fanguai'] });
  world = await startMockWorld({ handler, minSendIntervalMs: 20 });
});
afterAll(async () => {
  await world?.stop();
});

describe('WeChat group with the real core', () => {
  it('answers an @-mention naming the lead and cooperating units', async () => {
    const before = world.roomSent.length;
    world.alice.say(`@反拐助手\u2005${QUESTION}`, [world.botUser]).to(world.room);
    await waitFor(() => world.roomSent.length > before, 'the answer');
    const answer = world.roomSent.slice(before).join('\n');
    expect(answer).toMatch(/负责：省民政厅/);
    expect(answer).toMatch(/配合：省公安厅/);
  });

  it('says nothing to a group message that neither mentions it nor uses the prefix', async () => {
    const before = world.roomSent.length;
    world.alice.say(QUESTION).to(world.room);
    // A prefixed question sent after it: its answer marks that the first was dealt with.
    world.alice.say('反拐 净网行动').to(world.room);
    await waitFor(() => world.roomSent.length > before, 'the answer to the marker');
    const sent = world.roomSent.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('负责：省公安厅');
    expect(sent[0]).not.toContain('省民政厅');
  });

  it('answers a private message', async () => {
    const before = world.aliceSent.length;
    world.alice.say(QUESTION).to(world.botUser);
    await waitFor(() => world.aliceSent.length > before, 'the private answer');
    expect(world.aliceSent.at(-1)).toContain('省民政厅');
    expect(world.aliceSent.at(-1)).toContain('省公安厅');
  });

  it('answers a message that starts with the prefix', async () => {
    const before = world.roomSent.length;
    world.alice.say(`反拐 ${QUESTION}`).to(world.room);
    await waitFor(() => world.roomSent.length > before, 'the prefix answer');
    expect(world.roomSent.at(-1)).toContain('省民政厅');
  });

  it('splits an oversized reply into numbered parts under the WeChat limit', async () => {
    const before = world.roomSent.length;
    // Every clause of a section, each with its excerpt: thousands of characters.
    world.alice.say('/fanguai 二（一）').to(world.room);
    await waitFor(() => {
      const last = world.roomSent.at(-1) ?? '';
      const m = /^\((\d+)\/(\d+)\)/.exec(last);
      return world.roomSent.length > before && m !== null && m[1] === m[2];
    }, 'every part');
    const parts = world.roomSent.slice(before);
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((p, i) => {
      expect(p.length).toBeLessThanOrEqual(WECHAT_TEXT_LIMIT);
      expect(p.startsWith(`(${i + 1}/${parts.length})\n`)).toBe(true);
    });
    expect(parts[0]).toContain('二（一）1');
  });

  it("keeps each member's follow-ups apart in a group: 那配合的呢 answers the asker's own last question", async () => {
    const before = world.roomSent.length;
    world.alice.say('反拐 谁负责婚姻登记').to(world.room);
    await waitFor(() => world.roomSent.length > before, 'alice answered');
    world.bob.say('反拐 收养谁负责').to(world.room);
    await waitFor(() => world.roomSent.length > before + 1, 'bob answered');
    world.alice.say('反拐 那配合的呢').to(world.room);
    await waitFor(() => world.roomSent.length > before + 2, 'the follow-up');
    expect(world.roomSent.at(-1)!.split('\n')[0]).toBe('二（一）3（1） 的配合单位：省公安厅。');
  });

  it("shows a unit's duties as a digest in one message, and a number replied shows that clause", async () => {
    const before = world.aliceSent.length;
    world.alice.say('民政那边管哪些事儿').to(world.botUser);
    await waitFor(() => world.aliceSent.length > before, 'the digest');
    const digest = world.aliceSent.at(-1)!;
    expect(world.aliceSent.length).toBe(before + 1);
    expect(digest).toMatch(/^省民政厅：负责 \d+ 项，配合 \d+ 项。/);
    expect(digest).toContain('回复编号看全文');
    const second = /^2\. (\S+)/m.exec(digest)![1]!;
    world.alice.say('2').to(world.botUser);
    await waitFor(() => world.aliceSent.length > before + 1, 'the clause');
    expect(world.aliceSent.at(-1)).toContain(second);
    expect(world.aliceSent.at(-1)).toContain('负责：');
  });

  it('gives the full text of the last answer on 全文', async () => {
    world.alice.say(QUESTION).to(world.botUser);
    await waitFor(() => world.aliceSent.at(-1)?.includes('省公安厅') === true, 'the answer');
    const before = world.aliceSent.length;
    world.alice.say('全文').to(world.botUser);
    await waitFor(() => world.aliceSent.length > before, 'the full text');
    expect(world.aliceSent.at(-1)).toContain('规范婚姻登记管理');
  });
});
