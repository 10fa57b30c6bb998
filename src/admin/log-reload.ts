// One log line per reload, whoever asked (/kb reload in chat, SIGHUP): what is served now and why.
import type { Logger } from '../chat/logger.js';
import type { ReloadResult } from '../core/live-assistant.js';
import { formatProblem } from '../knowledge/load.js';

export function logReload(logger: Logger, result: ReloadResult, by: string): void {
  if (result.ok) {
    const d = result.diff;
    logger.info(
      `knowledge reloaded (${by}): version ${result.previousVersion} → ${result.status.version}, ` +
        `${result.status.clauses} clauses (+${d.added} -${d.removed} ~${d.changed})`,
    );
    return;
  }
  logger.error(
    `knowledge reload (${by}) failed; still serving version ${result.status.version}:\n` +
      result.problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
  );
}
