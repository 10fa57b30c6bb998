import { describe, expect, it } from 'vitest';
import { deliver } from '../../src/chat/deliver.js';
import { TEXT } from '../../src/chat/messages.js';
import { createPacer, QueueFullError, type Clock } from '../../src/chat/pacer.js';

function fakeClock(): Clock & { sleeps: number[] } {
  let now = 1000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('createPacer', () => {
  it('keeps a minimum interval between sends to one conversation, in order', async () => {
    const clock = fakeClock();
    const pacer = createPacer(1500, clock);
    const sent: string[] = [];
    await Promise.all(['a', 'b', 'c'].map((t) => pacer.schedule('room', async () => sent.push(t))));
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(clock.sleeps).toEqual([1500, 1500]);
  });

  it('does not make other conversations wait', async () => {
    const clock = fakeClock();
    const pacer = createPacer(1500, clock);
    await pacer.schedule('room1', async () => undefined);
    await pacer.schedule('room2', async () => undefined);
    expect(clock.sleeps).toEqual([]);
  });

  it('keeps the lane going after a failed send', async () => {
    const clock = fakeClock();
    const pacer = createPacer(10, clock);
    const failed = pacer.schedule('room', async () => {
      throw new Error('network');
    });
    const next = pacer.schedule('room', async () => 'ok');
    await expect(failed).rejects.toThrow('network');
    await expect(next).resolves.toBe('ok');
  });

  it('keeps the parts of one split reply together when replies arrive in a burst', async () => {
    const clock = fakeClock();
    const pacer = createPacer(1500, clock);
    const sent: string[] = [];
    // Three lines of 16 characters under a limit of 30 (room for the (1/3) marker): three parts a reply.
    const line = (who: string, n: number) => `${who}${n}${'条'.repeat(14)}`;
    const reply = (who: string) =>
      deliver([{ kind: 'answer', text: [1, 2, 3].map((n) => line(who, n)).join('\n') }], {
        conversationId: 'room',
        limit: 30,
        pacer,
        send: async (t) => sent.push(t.replace(/^\(\d\/3\)\n/, '').slice(0, 2)),
      });
    await Promise.all([reply('a'), reply('b'), reply('c')]);
    expect(sent).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1', 'c2', 'c3']);
    // Still paced: every send waits out the interval.
    expect(clock.sleeps).toEqual(Array(8).fill(1500));
  });

  it('bounds each conversation’s queue: overflow is dropped with one short notice per burst', async () => {
    const clock = fakeClock();
    const pacer = createPacer(1000, clock, { maxQueuedReplies: 3 });
    const sent: string[] = [];
    const ask = (room: string, text: string) =>
      deliver([{ kind: 'answer', text }], { conversationId: room, limit: 100, pacer, send: async (t) => sent.push(`${room}:${t}`) });
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => ask('room', `answer ${i}`)));
    // One being sent plus three waiting; the sixteen others dropped.
    expect(burst.filter((r) => r === 'sent')).toHaveLength(4);
    expect(sent).toEqual(['room:answer 0', 'room:answer 1', 'room:answer 2', 'room:answer 3', `room:${TEXT.busy}`]);
    // Another conversation was never held up, and once the burst is over answers flow again.
    expect(await ask('other', 'hello')).toBe('sent');
    expect(await ask('room', 'later')).toBe('sent');
    expect(sent.slice(-2)).toEqual(['other:hello', 'room:later']);
  });

  it('refuses a single send with QueueFullError when the queue is full', async () => {
    const pacer = createPacer(1000, fakeClock(), { maxQueuedReplies: 1 });
    const results = await Promise.allSettled([1, 2, 3].map((n) => pacer.schedule('room', async () => n)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).constructor))).toEqual([1, 2, QueueFullError]);
  });
});
