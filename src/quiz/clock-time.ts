// The time of day people type for 每日一题: 09:30, 9:30, ９：３０, 9点30, 9点半, 9点, 0930.

export type ClockTime = { ok: true; hour: number; minute: number; text: string } | { ok: false };

export function parseClockTime(input: string): ClockTime {
  const t = input.normalize('NFKC').trim();
  const m =
    /^(\d{1,2})[:：.](\d{2})$/u.exec(t) ??
    /^(\d{1,2})[点時时](?:(\d{1,2})分?|(半))?$/u.exec(t) ??
    /^(\d{2})(\d{2})$/u.exec(t);
  if (!m) return { ok: false };
  const hour = Number(m[1]);
  const minute = m[3] === '半' ? 30 : Number(m[2] ?? 0);
  if (hour > 23 || minute > 59) return { ok: false };
  return { ok: true, hour, minute, text: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

/** Whether a word looks like an attempt at a time (so a bad one is told so, not taken for a section). */
export function looksLikeTime(word: string): boolean {
  return /^[\d０-９]{1,4}([:：.点時时][\d０-９]*分?|[点時时]半)?$/u.test(word.trim());
}
