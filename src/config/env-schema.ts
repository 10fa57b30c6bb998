// The environment the program reads, as a zod schema: one entry per variable, each with a message
// a person can act on. Empty values count as unset, as `FOO=` in a .env file means "not set".
import { z } from 'zod';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

/** Comma- (or 、，) separated list, blanks dropped. */
const list = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(/[,，、]/u)
      .map((x) => x.trim())
      .filter((x) => x !== ''),
  );

const wholeNumber = (min: number, max: number, what: string) =>
  z
    .string()
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()))
    .refine((s) => s === undefined || (/^\d+$/.test(s) && Number(s) >= min && Number(s) <= max), {
      error: `must be ${what}`,
    })
    .transform((s) => (s === undefined ? undefined : Number(s)));

const url = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()))
  .refine((s) => s === undefined || /^https?:\/\/[^\s/]+/.test(s), {
    error: 'must be an http(s) URL such as https://slack.com/api/',
  });

export const envSchema = z.object({
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
  // platform:id per entry (wechat:wxid_x, slack:U123); a typo in the platform would silently admit nobody.
  ADMIN_IDS: list.refine((ids) => ids.every((id) => !id.includes(':') || /^(wechat|slack|console):[^:\s]+$/.test(id)), {
    error: 'entries must be platform:id, e.g. wechat:wxid_abc,slack:U0123 (platform wechat, slack or console)',
  }),
  PORT: wholeNumber(0, 65535, 'a port number from 0 to 65535'),

  WECHATY_PUPPET: optionalText,
  WECHATY_PUPPET_TOKEN: optionalText,
  WECHATY_PUPPET_SERVICE_TOKEN: optionalText,
  WECHAT_PREFIX: z
    .string()
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? undefined : s)),
  WECHAT_ROOM_ALLOWLIST: list,
  WECHAT_MIN_SEND_INTERVAL_MS: wholeNumber(0, 600000, 'a whole number of milliseconds from 0 to 600000'),

  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: url,

  QUIZ_TIMEOUT_SECONDS: wholeNumber(1, 3600, 'a whole number of seconds from 1 to 3600'),
  QUIZ_SEED: wholeNumber(0, 4294967295, 'a whole number from 0 to 4294967295'),
});

export type RawEnv = z.output<typeof envSchema>;
