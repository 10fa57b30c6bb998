// A scheduler the test moves by hand: timers fire only inside advance().
import type { Scheduler } from '../../src/quiz/scheduler.js';

export interface FakeScheduler extends Scheduler {
  advance(ms: number): void;
  pending(): number;
}

export function createFakeScheduler(start = 1_700_000_000_000): FakeScheduler {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    after(ms, fn) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return () => timers.delete(id);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = until;
    },
    pending: () => timers.size,
  };
}

/** A wall-clock time in Shanghai (UTC+8, the default QUIZ_TIME_ZONE), '2026-12-01 09:30', as ms. */
export const shanghai = (local: string): number => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
