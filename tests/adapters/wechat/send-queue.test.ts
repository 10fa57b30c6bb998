// A burst of questions in one WeChat group (wechaty-puppet-mock): each split reply arrives in one
// piece, the group's send queue is bounded, and the overflow gets one short notice.
import { afterEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from '../../../src/chat/handler.js';
import { TEXT } from '../../../src/chat/messages.js';
import { DEFAULT_MAX_QUEUED_REPLIES } from '../../../src/chat/pacer.js';
import { fakeAssistant, renderClause } from '../../chat/fake-assistant.js';
import { settle, startMockWorld, waitFor, type MockWorld } from './mock-world.js';

let world: MockWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

/** Each reply is three lines, each too long to share a message: three parts named after the question. */
const threePartReply = createMessageHandler({
  assistant: fakeAssistant(),
  trigger: { prefixes: ['反拐'], groupAllowlist: [] },
  renderReply: (reply) => [1, 2, 3].map((n) => `${reply.question}#${n} ${'省民政厅负责'.repeat(2)}`).join('\n'),
  renderClause,
});

describe('WeChat send queue under a burst', () => {
  it('sends each reply’s parts together, drops the overflow and says so once', async () => {
    world = await startMockWorld({ handler: threePartReply, minSendIntervalMs: 60, textLimit: 40 });
    const questions = Array.from({ length: 30 }, (_, i) => `婚姻登记问题${String(i).padStart(2, '0')}`);
    for (const q of questions) world.alice.say(`反拐 ${q}`).to(world.room);
    await waitFor(() => world!.roomSent.includes(TEXT.busy), 'the busy notice', 15000);
    await settle(1500);

    const sent = world.roomSent;
    const notices = sent.filter((t) => t === TEXT.busy);
    expect(notices).toHaveLength(1);
    const parts = sent.filter((t) => t !== TEXT.busy).map((t) => /(婚姻登记问题\d\d)#(\d)/.exec(t)!.slice(1, 3).join('#'));
    // Whole replies only, each in one run of three.
    expect(parts.length % 3).toBe(0);
    for (let i = 0; i < parts.length; i += 3) {
      const q = parts[i]!.split('#')[0];
      expect(parts.slice(i, i + 3)).toEqual([`${q}#1`, `${q}#2`, `${q}#3`]);
    }
    const answered = parts.length / 3;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThanOrEqual(DEFAULT_MAX_QUEUED_REPLIES + 1);
  });
});
