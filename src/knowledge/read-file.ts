// Reading one file under knowledge/ within bounds. Only regular files are read: a FIFO would block
// the reader forever and a device (/dev/zero) never ends, so the kind is checked before opening, and
// again on the open descriptor (opened non-blocking, so a file swapped for a FIFO in between cannot
// block either). A symbolic link is followed only when it resolves inside knowledge/. At most the
// size limit is read, whatever the file claims, and the bytes must be valid UTF-8.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { sep } from 'node:path';

export type ReadOutcome = { ok: true; text: string } | { ok: false; message: string };

/** Bytes still allowed for the whole load; shared by every file of one load. */
export interface ReadBudget {
  maxFileBytes: number;
  maxTotalBytes: number;
  remaining: number;
}

function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  if (s.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/** True when `path` is `root` or lies under it (both already resolved). */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Where `path` really is, when that is inside `root` (a symlink is followed only that far);
 * otherwise a message that never names the outside target.
 */
export function confined(root: string, path: string, label: string): { ok: true; real: string } | { ok: false; message: string } {
  let realRoot: string;
  let real: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? 'is a symbolic link to nothing' : `cannot be resolved (${code ?? 'error'})` };
  }
  if (!isInside(realRoot, real)) return { ok: false, message: `leads outside ${label} (a symbolic link); only links within ${label} are followed` };
  return { ok: true, real };
}

/**
 * Reads `path` as UTF-8 text, within the budget. `root` is the folder it must really be in (the
 * knowledge folder, or its sources/ for a document's source), named `label` in messages.
 */
export function readKnowledgeFile(root: string, path: string, budget: ReadBudget, label = 'knowledge/'): ReadOutcome {
  try {
    lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? 'file is missing' : `cannot be read (${code ?? 'error'})` };
  }
  // The file itself or a folder on its way may be a link: where it really is must be inside root.
  const where = confined(root, path, label);
  if (!where.ok) return where;
  const target = where.real;
  let stats: Stats;
  try {
    stats = statSync(target);
  } catch (error) {
    return { ok: false, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (!stats.isFile()) return { ok: false, message: `is ${kindOf(stats)}; only regular files are read` };
  const limit = Math.min(budget.maxFileBytes, budget.remaining);
  if (stats.size > limit) return tooLarge(stats.size, budget);

  let fd: number;
  try {
    // O_NONBLOCK: should the file have become a FIFO since the check, opening it does not wait.
    // O_NOFOLLOW: the path checked above is the path opened.
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    return { ok: false, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { ok: false, message: `is ${kindOf(opened)}; only regular files are read` };
    // Read at most one byte past the limit, whatever fstat said: a file growing meanwhile is still bounded.
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > limit) return tooLarge(length, budget);
    }
    budget.remaining -= length;
    return decodeUtf8(buffer.subarray(0, length));
  } catch (error) {
    return { ok: false, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size: number, budget: ReadBudget): ReadOutcome {
  return size > budget.maxFileBytes
    ? { ok: false, message: `is larger than the limit of ${formatBytes(budget.maxFileBytes)} per file` }
    : { ok: false, message: `does not fit: the knowledge files may hold ${formatBytes(budget.maxTotalBytes)} in all` };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${Math.ceil(n / 1024)} KB`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text, or where the first byte that is not UTF-8 is (line and column, 1-based). */
export function decodeUtf8(bytes: Uint8Array): ReadOutcome {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidByte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const lines = before.split('\n');
    return {
      ok: false,
      message: `is not valid UTF-8 at line ${lines.length}, column ${Array.from(lines[lines.length - 1] ?? '').length + 1} (byte ${at}); save it as UTF-8`,
    };
  }
}

function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    const d1 = b[i + 1] as number;
    if ((c === 0xe0 && d1 < 0xa0) || (c === 0xed && d1 > 0x9f) || (c === 0xf0 && d1 < 0x90) || (c === 0xf4 && d1 > 0x8f)) return i;
    i += need + 1;
  }
  return b.length;
}
