// DATA_DIR/fanguai.pid: the assistant's own process id, for `kill -HUP $(cat data/fanguai.pid)`.
// The pid a user sees under `npm start` is npm's, and a HUP to npm kills npm and orphans the assistant.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../chat/logger.js';

export const PID_FILE = 'fanguai.pid';

export function pidFilePath(dataDir: string): string {
  return join(dataDir, PID_FILE);
}

/**
 * Writes this process's pid and logs how to reload; returns the clean-up for a clean exit, which
 * leaves the file alone if another assistant on the same DATA_DIR has written its own since.
 */
export function writePidFile(dataDir: string, logger: Pick<Logger, 'info' | 'warn'>): () => void {
  const file = pidFilePath(dataDir);
  const mine = String(process.pid);
  try {
    writeFileSync(file, `${mine}\n`);
  } catch (error) {
    // Reloading by signal then needs the pid from elsewhere; the chat itself is unaffected.
    logger.warn(`cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return () => {};
  }
  logger.info(`pid ${mine}, written to ${file}; reload the knowledge with: kill -HUP $(cat ${file})`);
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === mine) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
}
