// Read and validate process.env once, at start-up. Everything else receives the typed AppConfig.
import { resolve } from 'node:path';
import { knowledgeDir } from '../knowledge/paths.js';
import type { LogLevel } from '../chat/logger.js';
import { ConfigError } from './config-error.js';
import { envSchema } from './env-schema.js';

export type PlatformName = 'console' | 'wechat' | 'slack';

export interface WechatConfig {
  /** Puppet module name, e.g. wechaty-puppet-service, wechaty-puppet-wechat4u. */
  puppet: string;
  token?: string;
  roomAllowlist: string[];
  minSendIntervalMs: number;
}

export interface SlackConfig {
  botToken: string;
  /** Set for HTTP mode (Events API on PORT, signature verification). */
  signingSecret?: string;
  /** Set for Socket Mode. */
  appToken?: string;
  mode: 'socket' | 'http';
  /** Overrides the Web API base URL (proxies, tests). */
  apiUrl?: string;
}

export interface AppConfig {
  dataDir: string;
  knowledgeDir: string;
  logLevel: LogLevel;
  adminIds: string[];
  port: number;
  /** Group messages starting with one of these are addressed to the bot (every platform). */
  prefixes: string[];
  wechat?: WechatConfig;
  slack?: SlackConfig;
  /** Chat platforms to run: WeChat and/or Slack when configured, else the console. */
  platforms: PlatformName[];
  quiz: QuizConfig;
}

export interface QuizConfig {
  /** Seconds a quiz question stays open before the answer is revealed. */
  timeoutSeconds: number;
  /** Fixed random seed, so a quiz can be replayed (tests, trainers' demos); unset means random. */
  seed?: number;
}

export const DEFAULT_QUIZ_TIMEOUT_SECONDS = 60;

export const DEFAULT_PREFIXES = ['反拐', '/fanguai'];
export const DEFAULT_PORT = 3000;
export const DEFAULT_MIN_SEND_INTERVAL_MS = 1500;

/** Parse and check the environment; throws ConfigError naming the first variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const value = env[variable];
    // Echo the bad value only when short and not a secret, so the line stays useful and safe.
    const shown = value !== undefined && value.length <= 40 && !/TOKEN|SECRET/.test(variable) ? ` (got "${value}")` : '';
    throw new ConfigError(variable, `${issue?.message ?? 'is invalid'}${shown}`);
  }
  const e = parsed.data;

  let wechat: WechatConfig | undefined;
  if (e.WECHATY_PUPPET) {
    const token = e.WECHATY_PUPPET_TOKEN ?? e.WECHATY_PUPPET_SERVICE_TOKEN;
    if (e.WECHATY_PUPPET === 'wechaty-puppet-service' && !token) {
      throw new ConfigError('WECHATY_PUPPET_TOKEN', 'is required when WECHATY_PUPPET is wechaty-puppet-service (or set WECHATY_PUPPET_SERVICE_TOKEN)');
    }
    wechat = {
      puppet: e.WECHATY_PUPPET,
      ...(token ? { token } : {}),
      roomAllowlist: e.WECHAT_ROOM_ALLOWLIST,
      minSendIntervalMs: e.WECHAT_MIN_SEND_INTERVAL_MS ?? DEFAULT_MIN_SEND_INTERVAL_MS,
    };
  }

  let slack: SlackConfig | undefined;
  if (e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    if (!e.SLACK_BOT_TOKEN) {
      throw new ConfigError('SLACK_BOT_TOKEN', 'is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
    }
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      throw new ConfigError('SLACK_SIGNING_SECRET', 'is required for Slack HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
    }
    slack = {
      botToken: e.SLACK_BOT_TOKEN,
      ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
      ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
      mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
      ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
    };
  }

  const prefixes =
    e.WECHAT_PREFIX === undefined
      ? DEFAULT_PREFIXES
      : e.WECHAT_PREFIX.split(/[,，]/u)
          .map((p) => p.trim())
          .filter((p) => p !== '');

  const platforms: PlatformName[] = [];
  if (wechat) platforms.push('wechat');
  if (slack) platforms.push('slack');
  if (platforms.length === 0) platforms.push('console');

  return {
    dataDir: resolve(cwd, e.DATA_DIR ?? 'data'),
    knowledgeDir: e.KNOWLEDGE_DIR ? resolve(cwd, e.KNOWLEDGE_DIR) : knowledgeDir(),
    logLevel: e.LOG_LEVEL,
    adminIds: e.ADMIN_IDS,
    port: e.PORT ?? DEFAULT_PORT,
    prefixes,
    ...(wechat ? { wechat } : {}),
    ...(slack ? { slack } : {}),
    platforms,
    quiz: {
      timeoutSeconds: e.QUIZ_TIMEOUT_SECONDS ?? DEFAULT_QUIZ_TIMEOUT_SECONDS,
      ...(e.QUIZ_SEED !== undefined ? { seed: e.QUIZ_SEED } : {}),
    },
  };
}
