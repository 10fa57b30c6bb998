// Read and validate process.env once, at start-up. Everything else receives the typed AppConfig.
// The variables every platform shares are here; each chat platform's own come from its definition in
// the adapter registry (adapters/index.ts), so adding a platform touches nothing in this file.
import { z } from 'zod';
import { ADAPTERS, PLATFORMS, type AdapterEntry, type PlatformName, type PlatformSettings } from '../../adapters/index.js';
import type { LogLevel } from '../chat/logger.js';
import { ConfigError } from './config-error.js';
import { commonEnvShape } from './env-schema.js';
import { DEFAULT_TIME_ZONE } from '../quiz/zoned-time.js';
import { storageDirs } from './storage-dirs.js';

export type { PlatformName } from '../../adapters/index.js';
export type { WechatConfig } from '../../adapters/wechat/config.js';
export type { SlackConfig } from '../../adapters/slack/config.js';

export interface AppConfig {
  dataDir: string;
  knowledgeDir: string;
  logLevel: LogLevel;
  adminIds: string[];
  /** Group messages starting with one of these are addressed to the bot (every platform). */
  prefixes: string[];
  /** Chat platforms to run, in registry order: those configured, else the console. */
  platforms: PlatformName[];
  /** Each platform's settings, by name (only the configured ones). */
  settings: PlatformSettings;
  quiz: QuizConfig;
  /** Unanswered and flagged questions older than this many days are deleted. */
  missesRetentionDays: number;
}

export interface QuizConfig {
  /** Seconds a quiz question stays open before the answer is revealed. */
  timeoutSeconds: number;
  /** Fixed random seed, so a quiz can be replayed (tests, trainers' demos); unset means random. */
  seed?: number;
  /** IANA time zone of the daily question's time, of streak days and of the week board's Monday. */
  timeZone: string;
  /** Minutes a daily question stays open before its answer is revealed. */
  dailyWindowMinutes: number;
}

export const DEFAULT_QUIZ_TIMEOUT_SECONDS = 60;
export const DEFAULT_MISSES_RETENTION_DAYS = 180;
export const DEFAULT_DAILY_WINDOW_MINUTES = 60;

export const DEFAULT_PREFIXES = ['反拐', '/fanguai'];

/** The whole environment schema: shared variables plus every platform's fragment. */
export function envSchema() {
  let shape: z.ZodRawShape = commonEnvShape(PLATFORMS);
  for (const adapter of ADAPTERS) shape = { ...shape, ...adapter.env };
  return z.object(shape);
}

/** Parse and check the environment; throws ConfigError naming the first variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): AppConfig {
  const parsed = envSchema().safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const value = env[variable];
    // Echo the bad value only when short and not a secret, so the line stays useful and safe.
    const shown = value !== undefined && value.length <= 40 && !/TOKEN|SECRET/.test(variable) ? ` (got "${value}")` : '';
    throw new ConfigError(variable, `${issue?.message ?? 'is invalid'}${shown}`);
  }
  const e = parsed.data as z.output<z.ZodObject<ReturnType<typeof commonEnvShape>>>;

  const settings: Record<string, unknown> = {};
  for (const adapter of ADAPTERS) {
    const configured = (adapter.configure as (env: unknown) => unknown)(parsed.data);
    if (configured !== undefined) settings[adapter.platform] = configured;
  }
  if (Object.keys(settings).length === 0) {
    // Nothing configured: the fallback (the console) runs, unless switched off explicitly.
    const fallback = ADAPTERS.find((a: AdapterEntry) => 'fallback' in a && a.fallback);
    if (fallback && parsed.data['CONSOLE'] === false) {
      throw new ConfigError('CONSOLE', `is 0 but no chat platform is configured (set the variables of one of ${PLATFORMS.filter((p) => p !== fallback.platform).join(', ')})`);
    }
    if (fallback) settings[fallback.platform] = { explicit: false };
  }
  const platforms = PLATFORMS.filter((p) => p in settings);

  const prefixes =
    e.WECHAT_PREFIX === undefined
      ? DEFAULT_PREFIXES
      : e.WECHAT_PREFIX.split(/[,，]/u)
          .map((p) => p.trim())
          .filter((p) => p !== '');

  return {
    ...storageDirs(env, cwd),
    logLevel: e.LOG_LEVEL,
    adminIds: e.ADMIN_IDS,
    prefixes,
    platforms,
    settings: settings as PlatformSettings,
    quiz: {
      timeoutSeconds: e.QUIZ_TIMEOUT_SECONDS ?? DEFAULT_QUIZ_TIMEOUT_SECONDS,
      ...(e.QUIZ_SEED !== undefined ? { seed: e.QUIZ_SEED } : {}),
      timeZone: e.QUIZ_TIME_ZONE ?? DEFAULT_TIME_ZONE,
      dailyWindowMinutes: e.QUIZ_DAILY_WINDOW_MINUTES ?? DEFAULT_DAILY_WINDOW_MINUTES,
    },
    missesRetentionDays: e.MISSES_RETENTION_DAYS ?? DEFAULT_MISSES_RETENTION_DAYS,
  };
}
