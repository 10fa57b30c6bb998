// WeCom 智能机器人 (企业微信 / 政务微信) settings: the bot's id and secret from the admin console, and
// the long-connection endpoint (a private 政务微信 deployment gives its own; tests point it at a fake).
import { ConfigError } from '../../src/config/config-error.js';
import { optionalText, urlVariable } from '../../src/config/env-schema.js';

export const wecomEnv = {
  WECOM_BOT_ID: optionalText,
  WECOM_BOT_SECRET: optionalText,
  WECOM_WS_URL: urlVariable('ws', 'wss://openws.work.weixin.qq.com'),
};

export const WECOM_DEFAULT_WS_URL = 'wss://openws.work.weixin.qq.com';

export interface WecomConfig {
  botId: string;
  secret: string;
  wsUrl: string;
}

export function configureWecom(e: { WECOM_BOT_ID?: string | undefined; WECOM_BOT_SECRET?: string | undefined; WECOM_WS_URL?: string | undefined }): WecomConfig | undefined {
  if (!e.WECOM_BOT_ID && !e.WECOM_BOT_SECRET) return undefined;
  if (!e.WECOM_BOT_ID) throw new ConfigError('WECOM_BOT_ID', 'is required when WECOM_BOT_SECRET is set (the Bot ID of the 智能机器人)');
  if (!e.WECOM_BOT_SECRET) throw new ConfigError('WECOM_BOT_SECRET', 'is required when WECOM_BOT_ID is set (the Secret of the 智能机器人)');
  return { botId: e.WECOM_BOT_ID, secret: e.WECOM_BOT_SECRET, wsUrl: e.WECOM_WS_URL ?? WECOM_DEFAULT_WS_URL };
}
