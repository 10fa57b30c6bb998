// The text of a document an administrator brings in: Word, PDF or plain text, as the drafter reads
// it. The Word and PDF readers are loaded only when such a file is drafted.
import { basename } from 'node:path';
import { readDocumentFile } from './read-document-file.js';

export type Extracted =
  | { ok: true; text: string; /** Things the administrator should check, from extraction. */ notes: string[] }
  | { ok: false; message: string };

/**
 * Plain text is returned as it is, at once (it is the source verbatim, as before Word and PDF);
 * Word and PDF asynchronously.
 */
export function extractDocumentText(path: string): Extracted | Promise<Extracted> {
  const file = readDocumentFile(path);
  if (!file.ok) return file;
  const name = basename(path);
  switch (file.kind) {
    case 'docx':
      return import('./docx-text.js').then((m) => m.docxText(file.bytes, name));
    case 'pdf':
      return import('./pdf-text.js').then((m) => m.pdfText(file.bytes, name));
    case 'txt':
      return { ok: true, text: file.bytes.toString('utf8'), notes: [] };
  }
}
