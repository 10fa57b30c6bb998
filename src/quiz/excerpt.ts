// The clause text shown in a question: short enough for a phone, cut at a sentence end where it
// can be, with the right unit's own names masked so the text does not give the answer away.

export const MASK = '〇〇';
const MAX_CHARS = 90;

/** Terms shorter than this are left alone: 教育 or 公安 inside ordinary words would mangle the text. */
const MIN_MASKED_TERM = 3;

export function makeExcerpt(text: string, answerTerms: readonly string[], maxChars = MAX_CHARS): string {
  const terms = [...answerTerms].filter((t) => t.length >= MIN_MASKED_TERM).sort((a, b) => b.length - a.length);
  let masked = text;
  for (const term of terms) masked = masked.split(term).join(MASK);
  if (masked.length <= maxChars) return masked;
  // Prefer whole sentences; fall back to a hard cut when the first sentence alone is too long.
  const sentences = masked.match(/[^。；;！？]+[。；;！？]?/gu) ?? [masked];
  let out = '';
  for (const s of sentences) {
    if ((out + s).length > maxChars) break;
    out += s;
  }
  if (out === '') out = masked.slice(0, maxChars);
  return `${out}……`;
}
