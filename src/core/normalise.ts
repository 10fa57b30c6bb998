// One normal form for questions and clause text alike, so that the way a question is typed
// (full-width digits, traditional characters, stray spaces, KTV/ktv) does not change the answer.
import { toSimplified } from './traditional.js';

const CJK = '\\u3400-\\u9fff';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, 'g');

/**
 * NFKC folds full-width latin, digits and brackets to half-width (（一）→ (一), ＫＴＶ → KTV);
 * then traditional → simplified, lower-case latin, and spaces inside Chinese text removed
 * (「婚姻 登记」 is 婚姻登记) while spaces between latin words stay.
 */
export function normaliseText(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\u3000\s]+/g, ' ')
    .replace(SPACE_BETWEEN_CJK, '')
    .trim();
}

/** Punctuation of either width, which never carries meaning for retrieval. */
export const PUNCTUATION = /[\p{P}\p{S}]/u;

/** normaliseText without any punctuation or spaces: the form used to match quoted sentences. */
export function compactText(text: string): string {
  return normaliseText(text).replace(/[\p{P}\p{S}\s]+/gu, '');
}
