// The chat platforms, one line each. A definition is light (its environment variables and how they
// become settings); the platform's code and SDK are imported only when it is configured. Adding a
// platform = one folder under adapters/ + one line here (+ README and .env.example).
import { defineAdapter, type SettingsOf } from '../src/chat/adapter.js';
import { consoleEnv } from './console/config.js';
import { configureDingtalk, dingtalkEnv } from './dingtalk/config.js';
import { configureSlack, slackEnv } from './slack/config.js';
import { configureWechat, wechatEnv } from './wechat/config.js';
import { configureWecom, wecomEnv } from './wecom/config.js';

export const ADAPTERS = [
  defineAdapter({
    platform: 'console',
    label: 'Console',
    env: consoleEnv,
    fallback: true,
    configure: (e) => (e.CONSOLE ? { explicit: true } : undefined),
    load: async () => (await import('./console/adapter.js')).createConsoleAdapter,
  }),
  defineAdapter({
    platform: 'wechat',
    label: 'WeChat',
    env: wechatEnv,
    configure: configureWechat,
    load: async () => (await import('./wechat/adapter.js')).createWechatAdapter,
  }),
  defineAdapter({
    platform: 'slack',
    label: 'Slack',
    env: slackEnv,
    configure: configureSlack,
    load: async () => (await import('./slack/adapter.js')).createSlackAdapter,
  }),
  defineAdapter({
    platform: 'wecom',
    label: 'WeCom',
    env: wecomEnv,
    configure: configureWecom,
    load: async () => (await import('./wecom/index.js')).createWecomAdapter,
  }),
  defineAdapter({
    platform: 'dingtalk',
    label: 'DingTalk',
    env: dingtalkEnv,
    configure: configureDingtalk,
    load: async () => (await import('./dingtalk/index.js')).createDingtalkAdapter,
  }),
] as const;

export type AdapterEntry = (typeof ADAPTERS)[number];
/** Every platform's name, from the registry: what IncomingMessage.platform and ADMIN_IDS may say. */
export type PlatformName = AdapterEntry['platform'];
export const PLATFORMS: readonly PlatformName[] = ADAPTERS.map((a) => a.platform);

/** Each configured platform's settings, by name. */
export type PlatformSettings = { [A in AdapterEntry as A['platform']]?: SettingsOf<A> };
