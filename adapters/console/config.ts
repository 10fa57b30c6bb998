// The console's settings: it runs when no chat platform is configured, or beside them with CONSOLE=1.
import { onOff } from '../../src/config/env-schema.js';

export const consoleEnv = {
  /** 1: read questions from stdin even when chat platforms run; 0: never. Unset: only when nothing else runs. */
  CONSOLE: onOff,
};

export interface ConsoleSettings {
  /** Set explicitly with CONSOLE=1 (beside other platforms, its end of input does not stop them). */
  explicit: boolean;
}
