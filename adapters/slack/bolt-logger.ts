// Bolt, the Web API client and Socket Mode log through this, so Slack's messages land in the same
// stream, format and level as the rest of the program.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/chat/logger.js';

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};

export function toBoltLogger(logger: Logger, initial: LogLevel = LogLevel.INFO): BoltLogger {
  let level = initial;
  let name = 'slack';
  const at =
    (lvl: LogLevel, write: (message: string, extra?: unknown) => void) =>
    (...msg: unknown[]): void => {
      if (ORDER[lvl] < ORDER[level]) return;
      const errors = msg.filter((m) => m instanceof Error);
      const words = msg.filter((m) => !(m instanceof Error)).map((m) => (typeof m === 'string' ? m : safeJson(m)));
      write(`[${name}] ${words.join(' ')}`.trimEnd(), errors[0]);
    };
  return {
    debug: at(LogLevel.DEBUG, (m, e) => logger.debug(m, e)),
    info: at(LogLevel.INFO, (m, e) => logger.info(m, e)),
    warn: at(LogLevel.WARN, (m, e) => logger.warn(m, e)),
    error: at(LogLevel.ERROR, (m, e) => logger.error(m, e)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
