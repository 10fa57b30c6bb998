// Outline paths such as 二（一）3（1）: parsing, normalising the spellings people type, and
// finding the ancestors of a path.

const CN_DIGITS = '一二三四五六七八九十';

/** Canonical form: full-width brackets, no dots or 、, e.g. 二(一)3.(1) → 二（一）3（1）. */
export function normalisePath(input: string): string {
  return input
    .replace(/\s+/g, '')
    .replace(/[(（]/g, '（')
    .replace(/[)）]/g, '）')
    .replace(/[、．.]/g, '')
    .replace(/[？?]/g, '？')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Segments of a canonical path: 二（一）3（1） → ['二', '（一）', '3', '（1）']. */
export function pathSegments(path: string): string[] {
  const re = new RegExp(`^[${CN_DIGITS}]+|（[${CN_DIGITS}]+）|\\d+|（(?:\\d+|？)）`, 'g');
  return normalisePath(path).match(re) ?? [];
}

/** True when the whole string is a well-formed path. */
export function isPath(path: string): boolean {
  return pathSegments(path).join('') === normalisePath(path) && normalisePath(path) !== '';
}

/** Proper ancestors, outermost first: 二（一）3（1） → [二, 二（一）, 二（一）3]. */
export function ancestorPaths(path: string): string[] {
  const segs = pathSegments(path);
  return segs.slice(0, -1).map((_, i) => segs.slice(0, i + 1).join(''));
}

/** How a path is shown to people: 二（一）3（1） → 二（一）3.（1）… kept as is; numbering of the last segment. */
export function headingNumber(path: string): string {
  const last = pathSegments(path).at(-1) ?? '';
  if (/^[一二三四五六七八九十]+$/.test(last)) return `${last}、`;
  if (/^\d+$/.test(last)) return `${last}.`;
  return last;
}
