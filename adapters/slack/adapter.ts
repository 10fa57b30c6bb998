// Slack (Bolt) as a ChatAdapter. Conversation ids: a DM channel, channel:thread_ts for a mention's
// thread, channel:user for /fanguai's ephemeral answers (to-incoming.ts makes them, push-target.ts reads them).
import type { AdapterFactory } from '../../src/chat/adapter.js';
import type { PushSend } from '../../src/chat/push.js';
import type { SlackConfig } from './config.js';
import { createSlackApp } from './index.js';
import { SLACK_TRAITS } from './push-target.js';

export const createSlackAdapter: AdapterFactory<SlackConfig> = (settings, context) => {
  let send: PushSend | undefined;
  const app = createSlackApp({
    token: settings.botToken,
    ...(settings.signingSecret ? { signingSecret: settings.signingSecret } : {}),
    ...(settings.appToken ? { appToken: settings.appToken } : {}),
    ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
    port: settings.port,
    handler: context.handler(),
    logger: context.logger,
    push: { register: (_platform, s) => (send = s) },
    onFlagWrong: (f) => context.flag({ platform: 'slack', ...f }),
    ...(context.seenIds ? { seenEvents: context.seenIds('slack') } : {}),
  });
  return {
    platform: 'slack',
    traits: SLACK_TRAITS,
    async start() {
      await app.start();
      context.logger.info(`Slack started in ${app.mode === 'http' ? `HTTP mode on port ${app.port ?? settings.port}` : 'Socket Mode'}`);
    },
    stop: () => app.stop(),
    async push(conversationId, outgoing) {
      if (!send) throw new Error('Slack push: not started');
      await send(conversationId, outgoing);
    },
  };
};
