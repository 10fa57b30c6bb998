// Days and weeks as people in the quiz's time zone (QUIZ_TIME_ZONE) live them: the daily question's
// day, a streak's days, the week board's Monday 00:00. Occurrences come from croner, which knows
// time zones and daylight-saving jumps; nothing here reads the system clock.
import { Cron } from 'croner';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const DAY_MS = 24 * 60 * 60 * 1000;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function localDay(ms: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(ms));
}

/** Whether the name is a time zone this Node knows (IANA, e.g. Asia/Shanghai). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A paused croner job: used only to compute occurrences, timers are the injected scheduler's. */
export function cronOf(pattern: string, timeZone: string): Cron {
  return new Cron(pattern, { timezone: timeZone, paused: true });
}

/** The next occurrence strictly after `ms`. */
export function nextOccurrence(cron: Cron, ms: number): number | undefined {
  return cron.nextRun(new Date(ms))?.getTime();
}

/** The latest occurrence at or before `ms`, looking back at most `lookbackMs`. */
export function lastOccurrence(cron: Cron, ms: number, lookbackMs: number): number | undefined {
  let last: number | undefined;
  for (const run of cron.nextRuns(8, new Date(ms - lookbackMs))) {
    if (run.getTime() > ms) break;
    last = run.getTime();
  }
  return last;
}

/** Monday 00:00 of the week holding `ms`, in the time zone: where the week board starts. */
export function weekStart(ms: number, timeZone: string): number {
  const start = lastOccurrence(cronOf('0 0 * * 1', timeZone), ms, 8 * DAY_MS);
  if (start === undefined) throw new Error(`no Monday within a week before ${new Date(ms).toISOString()} in ${timeZone}`);
  return start;
}

/** YYYY-MM-DD moved by whole calendar days (plain date arithmetic, no time zone involved). */
export function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 00:00 of a calendar day (YYYY-MM-DD) in the time zone, or undefined for a day that does not exist. */
export function dayStart(day: string, timeZone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(day);
  if (!m) return undefined;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(utc).toISOString().slice(0, 10) !== day) return undefined;
  // Local midnight lies within UTC −14 h … +12 h of the UTC one; croner finds it, the day check picks it.
  const midnights = cronOf('0 0 * * *', timeZone).nextRuns(3, new Date(utc - 15 * 60 * 60 * 1000));
  return midnights.find((d) => localDay(d.getTime(), timeZone) === day)?.getTime();
}
