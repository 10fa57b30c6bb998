// Reads a document an administrator hands to `kb draft`, bounded: a regular file (no FIFO, device
// or symlink), at most MAX_DOCUMENT_BYTES, and of a kind its first bytes prove — a Word .docx (a
// zip), a PDF, or UTF-8 plain text. The file name's extension must agree with the bytes.
import { closeSync, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export type DocumentKind = 'docx' | 'pdf' | 'txt';

export type DocumentFile = { ok: true; kind: DocumentKind; bytes: Buffer } | { ok: false; message: string };

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
const PDF = Buffer.from('%PDF-', 'latin1');
// An OLE compound file: what Word writes for a password-protected .docx (and for an old .doc).
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const KINDS: Record<string, DocumentKind> = { '.docx': 'docx', '.pdf': 'pdf', '.txt': 'txt' };

export function readDocumentFile(path: string, maxBytes = MAX_DOCUMENT_BYTES): DocumentFile {
  const kind = KINDS[extname(path).toLowerCase()];
  if (!kind) return { ok: false, message: `${path}: only .docx, .pdf and .txt files can be drafted` };
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return { ok: false, message: `${path}: no such file` };
  }
  if (!stat.isFile()) return { ok: false, message: `${path}: not a regular file (a link, folder, pipe or device is not read)` };
  if (stat.size > maxBytes) return { ok: false, message: `${path}: ${stat.size} bytes, more than the ${maxBytes} a document may have` };
  const bytes = readAtMost(path, maxBytes);
  if (bytes === null) return { ok: false, message: `${path}: not a regular file or larger than ${maxBytes} bytes` };
  if (bytes.length === 0) return { ok: false, message: `${path}: the file is empty` };
  const starts = (magic: Buffer) => bytes.subarray(0, magic.length).equals(magic);
  if (starts(OLE)) {
    return { ok: false, message: `${path}: password-protected (or an old Word 97–2003 file); save it as .docx without a password and draft that` };
  }
  if (kind === 'docx' && !starts(ZIP)) return { ok: false, message: `${path}: not a Word .docx file (its content is not a .docx package)` };
  if (kind === 'pdf' && !starts(PDF)) return { ok: false, message: `${path}: not a PDF file (it does not start with %PDF-)` };
  if (kind === 'txt' && (starts(ZIP) || starts(PDF) || !isUtf8Text(bytes))) {
    return { ok: false, message: `${path}: not UTF-8 plain text; save it as UTF-8 text, or draft the .docx/.pdf itself` };
  }
  return { ok: true, kind, bytes };
}

/** Reads through the opened descriptor, so a file swapped after lstat is still checked and capped. */
function readAtMost(path: string, maxBytes: number): Buffer | null {
  const fd = openSync(path, 'r');
  try {
    if (!fstatSync(fd).isFile()) return null;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return null;
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

function isUtf8Text(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
