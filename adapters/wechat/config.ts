// WeChat's settings (Wechaty): the puppet module by name, its token, the groups answered in, pacing.
import { ConfigError } from '../../src/config/config-error.js';
import { list, optionalText, wholeNumber } from '../../src/config/env-schema.js';

export const wechatEnv = {
  WECHATY_PUPPET: optionalText,
  WECHATY_PUPPET_TOKEN: optionalText,
  WECHATY_PUPPET_SERVICE_TOKEN: optionalText,
  WECHAT_ROOM_ALLOWLIST: list,
  WECHAT_MIN_SEND_INTERVAL_MS: wholeNumber(0, 600000, 'a whole number of milliseconds from 0 to 600000'),
};

export interface WechatConfig {
  /** Puppet module name, e.g. wechaty-puppet-service, wechaty-puppet-wechat4u. */
  puppet: string;
  token?: string;
  roomAllowlist: string[];
  minSendIntervalMs: number;
}

export const DEFAULT_MIN_SEND_INTERVAL_MS = 1500;

export function configureWechat(e: {
  WECHATY_PUPPET?: string | undefined;
  WECHATY_PUPPET_TOKEN?: string | undefined;
  WECHATY_PUPPET_SERVICE_TOKEN?: string | undefined;
  WECHAT_ROOM_ALLOWLIST: string[];
  WECHAT_MIN_SEND_INTERVAL_MS?: number | undefined;
}): WechatConfig | undefined {
  if (!e.WECHATY_PUPPET) return undefined;
  const token = e.WECHATY_PUPPET_TOKEN ?? e.WECHATY_PUPPET_SERVICE_TOKEN;
  if (e.WECHATY_PUPPET === 'wechaty-puppet-service' && !token) {
    throw new ConfigError('WECHATY_PUPPET_TOKEN', 'is required when WECHATY_PUPPET is wechaty-puppet-service (or set WECHATY_PUPPET_SERVICE_TOKEN)');
  }
  return {
    puppet: e.WECHATY_PUPPET,
    ...(token ? { token } : {}),
    roomAllowlist: e.WECHAT_ROOM_ALLOWLIST,
    minSendIntervalMs: e.WECHAT_MIN_SEND_INTERVAL_MS ?? DEFAULT_MIN_SEND_INTERVAL_MS,
  };
}
