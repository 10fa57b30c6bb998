// A streak is the run of consecutive days, in the quiz's time zone, on which a person answered at
// least one question right. A run that ended yesterday is still alive today (there is time left to
// keep it); one that ended before yesterday is over.
import { localDay, shiftDay } from './zoned-time.js';

export interface Streak {
  /** Days in the run still alive (0 when none). */
  current: number;
  /** The longest run among the times given. */
  best: number;
}

/** Streaks from the times of right answers (any order), as of `now`. */
export function streakOf(correctTimes: readonly number[], now: number, timeZone: string): Streak {
  const days = new Set(correctTimes.map((t) => localDay(t, timeZone)));
  const today = localDay(now, timeZone);
  let start = days.has(today) ? today : shiftDay(today, -1);
  let current = 0;
  while (days.has(start)) {
    current += 1;
    start = shiftDay(start, -1);
  }
  let best = 0;
  for (const day of days) {
    if (days.has(shiftDay(day, -1))) continue;
    // `day` starts a run: count forward.
    let length = 0;
    for (let d = day; days.has(d); d = shiftDay(d, 1)) length += 1;
    best = Math.max(best, length);
  }
  return { current, best };
}
