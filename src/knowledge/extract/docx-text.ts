// The text of a Word .docx (mammoth), one paragraph a line; line breaks inside a paragraph are
// joined. Headers, footers and their page numbers are not part of the body mammoth reads.
// Imported only by `kb draft`.
import { cleanParagraphs } from './clean-lines.js';
import type { Extracted } from './extract-text.js';

interface Element {
  type: string;
  value?: string;
  children?: Element[];
  numbering?: { isOrdered?: boolean } | null;
}

export async function docxText(bytes: Buffer, name: string): Promise<Extracted> {
  const mammoth = (await import('mammoth')).default;
  const paragraphs: string[] = [];
  let autoNumbered = 0;
  const collect = (element: Element): void => {
    if (element.type === 'paragraph') {
      if (element.numbering?.isOrdered) autoNumbered++;
      paragraphs.push(textOf(element));
      return;
    }
    for (const child of element.children ?? []) collect(child);
  };
  try {
    await mammoth.convertToHtml(
      { buffer: bytes },
      {
        transformDocument: (document: Element) => {
          collect(document);
          return document;
        },
      },
    );
  } catch (error) {
    const message = String((error as Error)?.message ?? error).split('\n')[0];
    return { ok: false, message: `${name}: the Word file cannot be read (damaged, or not a .docx): ${message}` };
  }
  const notes =
    autoNumbered > 0
      ? [`${autoNumbered} paragraph(s) of the Word file use automatic numbering, whose numbers are not in the text; check their outline numbers (or convert the numbering to text in Word and draft again)`]
      : [];
  return { ok: true, text: cleanParagraphs(paragraphs), notes };
}

function textOf(element: Element): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return ' ';
  return (element.children ?? []).map(textOf).join('');
}
