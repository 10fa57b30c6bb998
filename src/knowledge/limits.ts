// How much knowledge loading may read and how long it may take: every file under knowledge/ comes
// from an editor, a copy or a script, and a careless one (a FIFO, a symlink to /dev/zero, a 40,000-key
// paste) must end in a clear error, never in a hang or a process out of memory.

export interface LoadLimits {
  /** Largest file read, in bytes (the provincial document and its source are ≈30–40 KB each). */
  maxFileBytes: number;
  /** All files of one load together, in bytes. */
  maxTotalBytes: number;
  /** Document files in knowledge/documents/. */
  maxDocuments: number;
  /** YAML aliases a file may resolve (the `yaml` parser's guard against alias bombs). */
  maxAliases: number;
  /** Nesting of YAML collections; the schemas need 4. */
  maxDepth: number;
  /** A load off the event loop is stopped after this long. */
  timeoutMs: number;
  /** Heap the loading thread may use before it is stopped, in MB. */
  maxHeapMb: number;
}

export const DEFAULT_LIMITS: LoadLimits = {
  maxFileBytes: 2 * 1024 * 1024,
  maxTotalBytes: 16 * 1024 * 1024,
  maxDocuments: 100,
  maxAliases: 100,
  maxDepth: 16,
  timeoutMs: 10_000,
  maxHeapMb: 512,
};

/** A problem line in chat is cut here; quotes inside problems are cut shorter still. */
export const MAX_PROBLEM_CHARS = 200;
/** A chat reply lists at most this many problems. */
export const MAX_PROBLEMS_SHOWN = 10;
/** A whole reload reply stays under this many characters. */
export const MAX_REPLY_CHARS = 4000;

/** `text` cut to at most `max` characters (code points), ending in … when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let count = 0;
  let keep = 0; // UTF-16 length of the first max - 1 characters
  for (const ch of text) {
    if (++count > max) return text.slice(0, keep) + '…';
    if (count < max) keep += ch.length;
  }
  return text;
}
