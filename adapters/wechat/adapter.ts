// WeChat (Wechaty) as a ChatAdapter. Conversation ids are Wechaty's: a room id (…@chatroom) or a contact id.
import type { AdapterFactory } from '../../src/chat/adapter.js';
import type { PushSend } from '../../src/chat/push.js';
import type { WechatConfig } from './config.js';
import { createWechatyBot } from './index.js';

export const createWechatAdapter: AdapterFactory<WechatConfig> = (settings, context) => {
  let send: PushSend | undefined;
  const bot = createWechatyBot({
    // The allowlist is by room id, resolved from names at login, so the bot applies it itself.
    handler: context.handler(),
    roomAllowlist: settings.roomAllowlist,
    puppetName: settings.puppet,
    ...(settings.token ? { puppetToken: settings.token } : {}),
    minSendIntervalMs: settings.minSendIntervalMs,
    dataDir: context.dataDir,
    logger: context.logger,
    push: { register: (_platform, s) => (send = s) },
  });
  let started = false;
  return {
    platform: 'wechat',
    async start() {
      await bot.start();
      started = true;
      context.logger.info(`WeChat started with ${settings.puppet}`);
    },
    async stop() {
      if (!started) return;
      started = false;
      await bot.stop();
    },
    async push(conversationId, outgoing) {
      if (!send) throw new Error('WeChat push: not started');
      await send(conversationId, outgoing);
    },
  };
};
