// DingTalk (钉钉 / 政务钉钉) robot settings, Stream mode: the app's Client ID and Secret from the
// developer console, and the gateway that opens the stream (a private 政务钉钉 deployment gives its
// own; tests point it at a fake). Unprompted posts use the OpenAPI on the same host as the gateway.
import { ConfigError } from '../../src/config/config-error.js';
import { optionalText, urlVariable } from '../../src/config/env-schema.js';

export const dingtalkEnv = {
  DINGTALK_CLIENT_ID: optionalText,
  DINGTALK_CLIENT_SECRET: optionalText,
  DINGTALK_GATEWAY_URL: urlVariable('http', 'https://api.dingtalk.com/v1.0/gateway/connections/open'),
};

export const DINGTALK_DEFAULT_GATEWAY_URL = 'https://api.dingtalk.com/v1.0/gateway/connections/open';

export interface DingtalkConfig {
  clientId: string;
  clientSecret: string;
  gatewayUrl: string;
}

export function configureDingtalk(e: {
  DINGTALK_CLIENT_ID?: string | undefined;
  DINGTALK_CLIENT_SECRET?: string | undefined;
  DINGTALK_GATEWAY_URL?: string | undefined;
}): DingtalkConfig | undefined {
  if (!e.DINGTALK_CLIENT_ID && !e.DINGTALK_CLIENT_SECRET) return undefined;
  if (!e.DINGTALK_CLIENT_ID) throw new ConfigError('DINGTALK_CLIENT_ID', 'is required when DINGTALK_CLIENT_SECRET is set (the app\'s Client ID, formerly AppKey)');
  if (!e.DINGTALK_CLIENT_SECRET) throw new ConfigError('DINGTALK_CLIENT_SECRET', 'is required when DINGTALK_CLIENT_ID is set (the app\'s Client Secret, formerly AppSecret)');
  return { clientId: e.DINGTALK_CLIENT_ID, clientSecret: e.DINGTALK_CLIENT_SECRET, gatewayUrl: e.DINGTALK_GATEWAY_URL ?? DINGTALK_DEFAULT_GATEWAY_URL };
}
