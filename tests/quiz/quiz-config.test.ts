// QUIZ_TIMEOUT_SECONDS and QUIZ_SEED are read once at start-up like every other setting.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';

describe('quiz settings', () => {
  it('defaults to 60 seconds and no seed, and reads both when set', () => {
    expect(loadConfig({}).quiz).toEqual({ timeoutSeconds: 60 });
    expect(loadConfig({ QUIZ_TIMEOUT_SECONDS: '15', QUIZ_SEED: '7' }).quiz).toEqual({ timeoutSeconds: 15, seed: 7 });
  });

  it('rejects a timeout that is not a whole number of seconds, naming the variable', () => {
    expect(() => loadConfig({ QUIZ_TIMEOUT_SECONDS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ QUIZ_TIMEOUT_SECONDS: 'soon' })).toThrow(/QUIZ_TIMEOUT_SECONDS/u);
  });
});
