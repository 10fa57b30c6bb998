// One log line per reload, whoever asked (/kb reload in chat, SIGHUP): what is served now and why.
import type { Logger } from '../chat/logger.js';
import type { ReloadResult } from '../core/live-assistant.js';
import { formatProblem } from '../knowledge/load.js';
import { clip } from '../knowledge/limits.js';

/** A log entry lists this many problems, each cut to this length: `npm run kb -- check` has them all. */
const MAX_LOGGED = 50;
const MAX_LOGGED_CHARS = 500;

export function logReload(logger: Logger, result: ReloadResult, by: string): void {
  if (result.ok) {
    const d = result.diff;
    logger.info(
      `knowledge reloaded (${by}): version ${result.previousVersion} → ${result.status.version}, ` +
        `${result.status.clauses} clauses (+${d.added} -${d.removed} ~${d.changed})`,
    );
    return;
  }
  if (result.busy) {
    logger.warn(`knowledge reload (${by}) not started: another reload is still running`);
    return;
  }
  const more = result.problems.length - MAX_LOGGED;
  logger.error(
    `knowledge reload (${by}) failed; still serving version ${result.status.version}:\n` +
      result.problems.slice(0, MAX_LOGGED).map((p) => `  ${clip(formatProblem(p), MAX_LOGGED_CHARS)}`).join('\n') +
      (more > 0 ? `\n  … and ${more} more (npm run kb -- check)` : ''),
  );
}
