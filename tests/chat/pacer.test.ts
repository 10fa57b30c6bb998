import { describe, expect, it } from 'vitest';
import { createPacer, type Clock } from '../../src/chat/pacer.js';

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
});
