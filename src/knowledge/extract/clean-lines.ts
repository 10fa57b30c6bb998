// Extracted lines → text of the genre, as the drafter and `kb sentences` read it: full-width
// brackets and colons where the numbering and annotations use them, no spaces between Chinese
// characters, no page numbers, and (for PDF) the lines of one paragraph joined.

const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u201C\\u201D\\u2014';
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\u00A0\\u3000]+|[ \\t\\u00A0\\u3000]+(?=[${CJK}])`, 'g');
// 一、 （一） 1. （1） — and the same typed with half-width brackets or a 1、 / 1．
const MARKER_START = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|（\d+）|（？）|\d+\.(?!\d))/;
const PAGE_NUMBER = [
  /^[-－—–‐·\s]*\d{1,4}[-－—–‐·\s]*$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^page\s+\d{1,4}(?:\s+of\s+\d{1,4})?$/i,
];

/** One line as the genre writes it. */
export function normaliseLine(line: string): string {
  return line
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) // ０-９ → 0-9
    .replace(/\r/g, '')
    .replace(SPACE_NEAR_CJK, '')
    .trim()
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/(责任单位|牵头单位|配合单位)\s*[:：]\s*/g, '$1：')
    .replace(/^(\d+)\s*[、．.]\s*(?!\d)/, '$1.');
}

export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.some((re) => re.test(line.trim()));
}

export function startsWithMarker(line: string): boolean {
  return MARKER_START.test(line);
}

export interface PdfLine {
  text: string;
  /** The line stops well before the right margin: the paragraph ends here. */
  short: boolean;
}

/** Paragraph lines (Word): normalised, page numbers and empty lines dropped, one paragraph a line. */
export function cleanParagraphs(paragraphs: string[]): string {
  return paragraphs.map(normaliseLine).filter((l) => l !== '' && !isPageNumber(l)).join('\n') + '\n';
}

/**
 * Visual lines (PDF), headers and footers already removed: a line continues the paragraph above
 * unless it starts with an outline number or the line above ended short of the margin.
 */
export function joinPdfLines(lines: PdfLine[]): string {
  const out: string[] = [];
  let open = false; // the last paragraph may continue
  for (const line of lines) {
    const text = normaliseLine(line.text);
    if (text === '' || isPageNumber(text)) continue;
    if (open && !startsWithMarker(text) && out.length > 0) out[out.length - 1] += text;
    else out.push(text);
    open = !line.short;
  }
  return out.join('\n') + '\n';
}
