// The environment the program reads, as a zod schema: one entry per variable, each with a message
// a person can act on. Empty values count as unset, as `FOO=` in a .env file means "not set".
// Here are the variables every platform shares; each chat platform adds its own fragment
// (adapters/<platform>/config.ts) built from the helpers below.
import { z } from 'zod';
import { isTimeZone } from '../quiz/zoned-time.js';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

export const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

/** Comma- (or 、，) separated list, blanks dropped. */
export const list = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(/[,，、]/u)
      .map((x) => x.trim())
      .filter((x) => x !== ''),
  );

export const wholeNumber = (min: number, max: number, what: string) =>
  z
    .string()
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()))
    .refine((s) => s === undefined || (/^\d+$/.test(s) && Number(s) >= min && Number(s) <= max), {
      error: `must be ${what}`,
    })
    .transform((s) => (s === undefined ? undefined : Number(s)));

/** A URL variable: `scheme` is http or ws (each with its s), `example` shows one in the message. */
export const urlVariable = (scheme: 'http' | 'ws', example: string) =>
  z
    .string()
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()))
    .refine((s) => s === undefined || new RegExp(`^${scheme}s?://[^\\s/]+`, 'u').test(s), {
      error: `must be ${scheme === 'ws' ? 'a WebSocket' : 'an http(s)'} URL such as ${example}`,
    });

export const url = urlVariable('http', 'https://slack.com/api/');

/** A yes/no switch: 1/true/yes/on or 0/false/no/off; unset is undefined. */
export const onOff = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim().toLowerCase()))
  .refine((s) => s === undefined || ['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off'].includes(s), {
    error: 'must be 1 or 0 (on or off)',
  })
  .transform((s) => (s === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(s)));

/** The shared variables; `platforms` (from the adapter registry) are the ones ADMIN_IDS may name. */
export function commonEnvShape(platforms: readonly string[]) {
  const pattern = new RegExp(`^(${platforms.map((p) => p.replace(/[^a-z0-9]/gu, '')).join('|')}):[^:\\s]+$`, 'u');
  return {
    DATA_DIR: optionalText,
    KNOWLEDGE_DIR: optionalText,
    LOG_LEVEL: z
      .string()
      .optional()
      .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim().toLowerCase()))
      .refine((s) => s === undefined || (LOG_LEVELS as readonly string[]).includes(s), {
        error: `must be one of ${LOG_LEVELS.join(', ')}`,
      })
      .transform((s) => (s ?? 'info') as (typeof LOG_LEVELS)[number]),
    // platform:id per entry (wechat:wxid_x, slack:U123). A bare id would match whichever platform has a
    // sender of that id, and a typo in the platform would silently admit nobody: both stop start-up.
    ADMIN_IDS: list.refine((ids) => ids.every((id) => pattern.test(id)), {
      error: `entries must be platform:id, e.g. wechat:wxid_abc,slack:U0123 (platform ${platforms.join(', ')}; a bare id is not accepted)`,
    }),
    // Group messages starting with one of these are addressed to the bot, on every platform.
    WECHAT_PREFIX: z
      .string()
      .optional()
      .transform((s) => (s === undefined || s.trim() === '' ? undefined : s)),
    MISSES_RETENTION_DAYS: wholeNumber(1, 36500, 'a whole number of days from 1 to 36500'),
    QUIZ_TIMEOUT_SECONDS: wholeNumber(1, 3600, 'a whole number of seconds from 1 to 3600'),
    QUIZ_SEED: wholeNumber(0, 4294967295, 'a whole number from 0 to 4294967295'),
    QUIZ_TIME_ZONE: optionalText.refine((s) => s === undefined || isTimeZone(s), {
      error: 'must be an IANA time zone such as Asia/Shanghai',
    }),
    QUIZ_DAILY_WINDOW_MINUTES: wholeNumber(1, 1440, 'a whole number of minutes from 1 to 1440'),
  };
}
