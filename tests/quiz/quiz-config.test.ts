// QUIZ_TIMEOUT_SECONDS and QUIZ_SEED are read once at start-up like every other setting.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';

describe('quiz settings', () => {
  it('defaults to 60 seconds and no seed, and reads both when set', () => {
    expect(loadConfig({}).quiz).toEqual({ timeoutSeconds: 60, timeZone: 'Asia/Shanghai', dailyWindowMinutes: 60 });
    expect(loadConfig({ QUIZ_TIMEOUT_SECONDS: '15', QUIZ_SEED: '7' }).quiz).toMatchObject({ timeoutSeconds: 15, seed: 7 });
  });

  it('reads the quiz time zone and the daily window, and names the variable when either is wrong', () => {
    expect(loadConfig({ QUIZ_TIME_ZONE: 'Europe/Berlin', QUIZ_DAILY_WINDOW_MINUTES: '30' }).quiz).toMatchObject({
      timeZone: 'Europe/Berlin',
      dailyWindowMinutes: 30,
    });
    expect(() => loadConfig({ QUIZ_TIME_ZONE: 'Mars/Olympus' })).toThrow(/^Configuration error: QUIZ_TIME_ZONE must be an IANA time zone/u);
    expect(() => loadConfig({ QUIZ_DAILY_WINDOW_MINUTES: '0' })).toThrow(/QUIZ_DAILY_WINDOW_MINUTES/u);
    expect(() => loadConfig({ QUIZ_DAILY_WINDOW_MINUTES: '2000' })).toThrow(/QUIZ_DAILY_WINDOW_MINUTES/u);
  });

  it('rejects a timeout that is not a whole number of seconds, naming the variable', () => {
    expect(() => loadConfig({ QUIZ_TIMEOUT_SECONDS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ QUIZ_TIMEOUT_SECONDS: 'soon' })).toThrow(/QUIZ_TIMEOUT_SECONDS/u);
  });
});
