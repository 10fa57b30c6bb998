// Housekeeping the running assistant does by itself: at start-up and then every hour, each task
// checks whether it is due (today's backup, misses past their retention). A failing task is logged
// and tried again at the next round; it never stops the chat.
import { silentLogger, type Logger } from '../chat/logger.js';

export interface UpkeepTask {
  name: string;
  run(): unknown;
}

export interface Upkeep {
  /** Resolves when the current round (the first one, right after start) is done. */
  readonly idle: Promise<void>;
  /** No more rounds; resolves once the round in progress (if any) has finished. */
  stop(): Promise<void>;
}

export const UPKEEP_EVERY_MS = 60 * 60 * 1000;

export function startUpkeep(tasks: readonly UpkeepTask[], options: { everyMs?: number; logger?: Logger } = {}): Upkeep {
  const logger = options.logger ?? silentLogger;
  let stopped = false;
  const round = async () => {
    for (const task of tasks) {
      if (stopped) return;
      try {
        await task.run();
      } catch (error) {
        logger.error(`upkeep: ${task.name} failed`, error);
      }
    }
  };
  let idle = round();
  const timer = setInterval(() => {
    idle = idle.then(round);
  }, options.everyMs ?? UPKEEP_EVERY_MS);
  // Housekeeping alone must not keep the process alive.
  timer.unref();
  return {
    get idle() {
      return idle;
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      return idle;
    },
  };
}
