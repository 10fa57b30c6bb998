// The adapter's own behaviour with a fake core: triggers, splitting, pacing, allowlist, resilience.
import { afterEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from '../../../src/chat/handler.js';
import type { Clock } from '../../../src/chat/pacer.js';
import type { Reply } from '../../../src/core/types.js';
import { fakeAssistant, renderClause, renderReply } from '../../chat/fake-assistant.js';
import { startMockWorld, waitFor, type MockWorld } from './mock-world.js';

let world: MockWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

function handler(opts: { groupAllowlist?: string[]; render?: (r: Reply) => string; ask?: (q: string) => Reply } = {}) {
  const assistant = fakeAssistant(opts.ask ? { ask: opts.ask } : {});
  return createMessageHandler({
    assistant,
    trigger: { prefixes: ['反拐', '/fanguai'], groupAllowlist: opts.groupAllowlist ?? [] },
    renderReply: opts.render ?? renderReply,
    renderClause,
  });
}

describe('createWechatyBot with a fake core', () => {
  it('answers mentions, prefixes and private messages; ignores chatter', async () => {
    world = await startMockWorld({ handler: handler() });
    const { alice, botUser, room } = world;
    alice.say('今天开会吗').to(room);
    alice.say('@反拐助手\u2005谁负责婚姻登记', [botUser]).to(room);
    await waitFor(() => world!.roomSent.length === 1, 'mention answer');
    // The chatter came first: had it been answered, that answer would be the first message.
    expect(world.roomSent[0]).not.toContain('今天开会吗');
    alice.say('反拐 谁负责婚姻登记').to(room);
    await waitFor(() => world!.roomSent.length === 2, 'prefix answer');
    alice.say('谁负责婚姻登记').to(botUser);
    await waitFor(() => world!.aliceSent.length === 1, 'private answer');
    for (const text of [...world.roomSent, ...world.aliceSent]) expect(text).toContain('省民政厅');
  });

  it('only answers in allowlisted groups', async () => {
    world = await startMockWorld({ handler: handler({ groupAllowlist: ['培训群'] }) });
    world.alice.say('反拐 谁负责婚姻登记').to(world.room);
    world.alice.say('谁负责婚姻登记').to(world.botUser);
    // The group message came first: the private answer marks that it was dealt with.
    await waitFor(() => world!.aliceSent.length === 1, 'private answer');
    expect(world.roomSent).toEqual([]);
  });

  it('splits an oversized reply under the limit and paces the parts', async () => {
    const sleeps: number[] = [];
    let now = 0;
    const clock: Clock = { now: () => now, sleep: async (ms) => { sleeps.push(ms); now += ms; } };
    const long = Array.from({ length: 400 }, (_, i) => `第${i}条：省民政厅负责，省公安厅配合。`).join('\n');
    world = await startMockWorld({ handler: handler({ render: () => long }), minSendIntervalMs: 1000, clock, textLimit: 2000 });
    world.alice.say('反拐 谁负责婚姻登记').to(world.room);
    await waitFor(() => world!.roomSent.length > 1 && world!.roomSent.at(-1)!.includes('第399条'), 'all parts');
    const parts = world.roomSent;
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    expect(parts[0]).toMatch(/^\(1\/\d+\)\n第0条/);
    expect(sleeps).toEqual(Array(parts.length - 1).fill(1000));
  });

  it('survives a failing core and bad input, and keeps answering', async () => {
    world = await startMockWorld({
      handler: handler({
        ask: (q) => {
          if (q.includes('崩溃')) throw new Error('core failure');
          return fakeAssistant().ask(q);
        },
      }),
    });
    const { alice, botUser } = world;
    alice.say('崩溃').to(botUser);
    alice.say('x'.repeat(100 * 1024)).to(botUser);
    alice.say('😀😀').to(botUser);
    alice.say('\u0000\u0001').to(botUser);
    await waitFor(() => world!.aliceSent.length === 3, 'three short replies');
    alice.say('谁负责婚姻登记').to(botUser);
    await waitFor(() => world!.aliceSent.some((t) => t.includes('省民政厅')), 'an answer after the bad messages');
    expect(world.aliceSent.slice(0, 3).every((t) => t.length < 100)).toBe(true);
  });
});

describe('createWechatyBot across logout and puppet errors', () => {
  it('logs a logout, answers again after a new login, and survives a puppet error', async () => {
    const logs: string[] = [];
    const logger = {
      debug() {},
      info: (m: string) => logs.push(`info ${m}`),
      warn: (m: string) => logs.push(`warn ${m}`),
      error: (m: string) => logs.push(`error ${m}`),
    };
    world = await startMockWorld({ handler: handler(), logger });
    const puppet = world.bot.puppet;
    await puppet.logout('session expired');
    await waitFor(() => logs.some((l) => l.startsWith('warn WeChat logged out')), 'the logout log');
    world.mocker.login(world.botUser);
    await waitFor(() => logs.filter((l) => l.startsWith('info WeChat logged in')).length === 2, 'the second login');
    puppet.emit('error', { data: 'network hiccup' });
    await waitFor(() => logs.some((l) => l.startsWith('error WeChat error')), 'the error log');
    world.alice.say('谁负责婚姻登记').to(world.botUser);
    await waitFor(() => world!.aliceSent.length === 1, 'an answer after re-login');
    expect(world.bot.isLoggedIn).toBe(true);
  });
});
