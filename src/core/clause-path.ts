// Clause numbers as staff type them: 二（一）3（1）, 二(一)3(1), 二、(一)3.(1), 二 (一) 3 (1) …
import { normaliseText } from './normalise.js';

const CN = '一二三四五六七八九十';
// After normaliseText: half-width brackets, no spaces between Chinese characters.
const PATH = new RegExp(
  `(?:第)?([${CN}]+)(?:部分)?[、.,]?\\s*[(（]([${CN}]+)[)）]\\s*(?:第?(\\d+)(?:条|项)?\\s*[.、]?\\s*)?(?:[(（](\\d+)[)）])?`,
);

/** The canonical comparable form of a clause path: 二(一)3(1). */
export function pathKey(path: string): string {
  return normaliseText(path).replace(/[\s、.．]/g, '');
}

/** The clause path a question names, in pathKey form, or null. Needs at least 二（一）. */
export function findPath(question: string): string | null {
  const m = PATH.exec(normaliseText(question));
  if (!m) return null;
  const [, top, second, item, sub] = m;
  let key = `${top}(${second})`;
  if (item) key += item;
  if (item && sub) key += `(${sub})`;
  return key;
}

/** True when `path` is `key` or lies under it (二(一)3 covers 二(一)3(1), not 二(一)30). */
export function pathCovers(key: string, path: string): boolean {
  if (!path.startsWith(key)) return false;
  return !(/\d$/.test(key) && /\d/.test(path.charAt(key.length)));
}
