// Slack's settings (Bolt): Socket Mode with an app token, or HTTP mode on PORT with a signing secret.
import { ConfigError } from '../../src/config/config-error.js';
import { optionalText, url, wholeNumber } from '../../src/config/env-schema.js';

export const slackEnv = {
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: url,
  /** HTTP mode's port for /slack/events. */
  PORT: wholeNumber(0, 65535, 'a port number from 0 to 65535'),
};

export interface SlackConfig {
  botToken: string;
  /** Set for HTTP mode (Events API on PORT, signature verification). */
  signingSecret?: string;
  /** Set for Socket Mode. */
  appToken?: string;
  mode: 'socket' | 'http';
  /** Overrides the Web API base URL (proxies, tests). */
  apiUrl?: string;
  /** HTTP mode: the port listened on. */
  port: number;
}

export const DEFAULT_PORT = 3000;

export function configureSlack(e: {
  SLACK_BOT_TOKEN?: string | undefined;
  SLACK_SIGNING_SECRET?: string | undefined;
  SLACK_APP_TOKEN?: string | undefined;
  SLACK_API_URL?: string | undefined;
  PORT?: number | undefined;
}): SlackConfig | undefined {
  if (!e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) return undefined;
  if (!e.SLACK_BOT_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
  }
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'is required for Slack HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  return {
    botToken: e.SLACK_BOT_TOKEN,
    ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
    ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
    port: e.PORT ?? DEFAULT_PORT,
  };
}
