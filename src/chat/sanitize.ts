// Clean what people type before it reaches the core, and classify input the core should not see.

/** Longest question passed to the core; a quoted clause sentence fits comfortably. */
export const MAX_QUESTION_CHARS = 1000;

export type CleanInput =
  | { ok: true; text: string }
  | { ok: false; problem: 'empty' | 'too-long' | 'no-words' };

// C0/C1 controls except tab and newlines, zero-width characters and the byte-order mark.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF]/gu;
// Something a question could be made of: a letter (any script, Han included) or a digit.
const WORDLIKE = /[\p{L}\p{N}]/u;

export function cleanInput(raw: string): CleanInput {
  // Measure before cleaning so a 100 KB paste is refused without scanning it further.
  if (raw.length > MAX_QUESTION_CHARS * 4) return { ok: false, problem: 'too-long' };
  const text = raw
    .replace(CONTROL, '')
    .replace(/[\t\r\n\u2005\u3000]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (text.length > MAX_QUESTION_CHARS) return { ok: false, problem: 'too-long' };
  if (!WORDLIKE.test(text)) return { ok: false, problem: 'no-words' };
  return { ok: true, text };
}
