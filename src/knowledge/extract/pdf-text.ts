// The text layer of a PDF (unpdf: pdf.js built for servers, no dependencies), as lines of the
// genre: items regrouped into visual lines, running headers and footers and page numbers dropped,
// the lines of a paragraph joined. Imported only by `kb draft`.
import { isPageNumber, joinPdfLines, normaliseLine, type PdfLine } from './clean-lines.js';
import type { Extracted } from './extract-text.js';

/** Pages read at most: a policy document has tens; a hostile file cannot make this loop forever. */
const MAX_PAGES = 500;

interface Line {
  y: number;
  left: number;
  right: number;
  height: number;
  text: string;
}

export async function pdfText(bytes: Buffer, name: string): Promise<Extracted> {
  const { getDocumentProxy } = await import('unpdf');
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: true });
  } catch (error) {
    const kind = (error as { name?: string }).name;
    if (kind === 'PasswordException') return { ok: false, message: `${name}: the PDF is password-protected; ask for an unprotected copy` };
    return { ok: false, message: `${name}: the PDF cannot be read (damaged or not a PDF): ${firstLine(error)}` };
  }
  try {
    if (pdf.numPages > MAX_PAGES) return { ok: false, message: `${name}: ${pdf.numPages} pages, more than the ${MAX_PAGES} a document may have` };
    const pages: Line[][] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      pages.push(toLines(content.items as Array<{ str?: string; transform?: number[]; width?: number; height?: number }>));
      page.cleanup();
    }
    if (pages.every((p) => p.every((l) => l.text.trim() === ''))) {
      return { ok: false, message: `${name}: the PDF has no text layer (a scanned image?); run OCR on it first, or ask for the Word file` };
    }
    return { ok: true, text: joinPdfLines(withoutRunningLines(pages)), notes: [] };
  } catch (error) {
    return { ok: false, message: `${name}: the PDF cannot be read (damaged?): ${firstLine(error)}` };
  } finally {
    await pdf.destroy();
  }
}

/** Items on the same baseline (within a third of their height) make one line, top to bottom. */
function toLines(items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }>): Line[] {
  const lines: Array<Line & { parts: Array<{ x: number; text: string }>; height: number }> = [];
  for (const item of items) {
    if (!item.str || !item.transform) continue;
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const height = Math.abs(item.height || item.transform[3] || 10);
    let line = lines.find((l) => Math.abs(l.y - y) <= Math.max(2, Math.min(l.height, height) / 3));
    if (!line) {
      line = { y, left: x, right: x, text: '', parts: [], height };
      lines.push(line);
    }
    line.parts.push({ x, text: item.str });
    line.left = Math.min(line.left, x);
    line.right = Math.max(line.right, x + (item.width ?? 0));
  }
  return lines
    .map((l) => ({ y: l.y, left: l.left, right: l.right, height: l.height, text: l.parts.sort((a, b) => a.x - b.x).map((p) => p.text).join('') }))
    .filter((l) => l.text.trim() !== '')
    .sort((a, b) => b.y - a.y);
}

/**
 * Drops the page furniture at the top and bottom of each page: page numbers, lines that (digits
 * aside) recur there on other pages, and lines set smaller than the body text — the running
 * header and footer. Then marks each line that ends short of its page's right margin, where a
 * paragraph ends: by more than three characters, since line breaking keeps 「制。」 and 「2030年」
 * together and may leave a line that much short.
 */
function withoutRunningLines(pages: Line[][]): PdfLine[] {
  const key = (l: Line) => normaliseLine(l.text).replace(/\d+/g, '#');
  const edgeCount = new Map<string, number>();
  for (const page of pages) {
    const edges = new Set([...page.slice(0, 2), ...page.slice(-2)].map(key));
    for (const k of edges) edgeCount.set(k, (edgeCount.get(k) ?? 0) + 1);
  }
  const bodyHeight = median(pages.flat().map((l) => l.height));
  const running = (l: Line) => (pages.length >= 2 && (edgeCount.get(key(l)) ?? 0) >= 2) || l.height < 0.85 * bodyHeight;
  const out: PdfLine[] = [];
  for (const page of pages) {
    const body = page.filter((l, i) => {
      const atEdge = i < 2 || i >= page.length - 2;
      return !(atEdge && (running(l) || isPageNumber(normaliseLine(l.text))));
    });
    const margin = Math.max(...body.map((l) => l.right));
    const size = median(body.map((l) => (l.right - l.left) / Math.max(1, [...l.text].length)));
    for (const l of body) out.push({ text: l.text, short: l.right < margin - 3 * size });
  }
  return out;
}

function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 12;
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0] ?? '';
}
