// The trainers' CSV: one line per person per group, in Excel-friendly UTF-8 (with a BOM).
import type { ExportRow } from './quiz-store.js';

const HEADER = ['platform', 'group', 'group_id', 'person', 'person_id', 'points', 'answered', 'correct', 'last_played'];

function cell(value: string | number): string {
  const s = String(value);
  // Quote what would break the row, and neutralise formulas (=, +, -, @) a spreadsheet would run.
  const safe = /^[=+\-@]/u.test(s) ? `'${s}` : s;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.platform,
        r.conversationName ?? r.conversationId,
        r.conversationId,
        r.personName ?? r.personId,
        r.personId,
        r.points,
        r.answered,
        r.correct,
        new Date(r.lastPlayed).toISOString(),
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
