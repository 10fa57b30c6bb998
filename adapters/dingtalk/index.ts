// DingTalk robots (钉钉, and 政务钉钉 built on it) in Stream mode, with dingtalk-stream: an outbound
// long connection, no public address or callback server. Each robot message is acked at once with its
// messageId, then answered through the message's sessionWebhook in markdown, split and paced.
import { TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import { botOptionsFrom, type AdapterFactory, type BotOptions, type ChatAdapter } from '../../src/chat/adapter.js';
import { connectOrFail } from '../../src/chat/connect-or-fail.js';
import { deliver } from '../../src/chat/deliver.js';
import { silentLogger } from '../../src/chat/logger.js';
import { createPacer } from '../../src/chat/pacer.js';
import { outgoingMarkdown } from '../../src/chat/render-markdown.js';
import { createSeenIds } from '../../src/chat/seen-ids.js';
import type { Outgoing } from '../../src/chat/types.js';
import type { DingtalkConfig } from './config.js';
import { GatewayClient, GatewayRejected, GatewayUnavailable } from './gateway-client.js';
import { createOpenApi, isUsable, postToWebhook, type SessionWebhook } from './senders.js';
import { dingtalkTarget, toIncoming, type DingtalkRobotMessage } from './to-incoming.js';

/** DingTalk shows about 5,000 characters of a markdown message; keep a margin. */
export const DINGTALK_MARKDOWN_CHARS = 4000;
/** Between two messages into one conversation (robots are rate-limited per group). */
export const DINGTALK_MIN_SEND_INTERVAL_MS = 1000;
/** A robot message is a small JSON object; a larger one is not read. */
const MESSAGE_LIMIT = 64 * 1024;
/** Conversations whose last sessionWebhook is remembered for unprompted posts. */
const WEBHOOKS_LIMIT = 2000;

export interface DingtalkBotOptions extends DingtalkConfig, BotOptions {}

export function createDingtalkBot(options: DingtalkBotOptions): ChatAdapter {
  const logger = options.logger ?? silentLogger;
  let running = false;
  const client = new GatewayClient({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    gatewayUrl: options.gatewayUrl,
    ...(options.reconnectBaseMs !== undefined ? { reconnectBaseMs: options.reconnectBaseMs } : {}),
    onDisconnect: () => logger.warn('DingTalk: stream closed; reconnecting'),
    onReconnect: (attempt, delay, reason) => logger.warn(`DingTalk: reconnect attempt ${attempt} failed (${reason}); next in ${Math.round(delay / 1000)} s`),
  });
  const openApi = createOpenApi({ origin: new URL(options.gatewayUrl).origin, clientId: options.clientId, clientSecret: options.clientSecret });
  const pacer = createPacer(options.minSendIntervalMs ?? DINGTALK_MIN_SEND_INTERVAL_MS);
  const seen = options.seen ?? createSeenIds();
  const webhooks = new Map<string, SessionWebhook>();
  let robotCode = options.clientId;

  /** One markdown message for all of a reply (split only past the limit): fewer posts, fewer rate limits. */
  const send = async (conversationId: string, outgoing: readonly Outgoing[], answering?: SessionWebhook): Promise<void> => {
    const text = outgoing.map(outgoingMarkdown).join('\n\n');
    await deliver([{ kind: 'markdown', text }], {
      conversationId,
      limit: DINGTALK_MARKDOWN_CHARS,
      pacer,
      send: async (chunk) => {
        const message = { title: titleOf(chunk), text: chunk };
        const hook = answering ?? webhooks.get(conversationId);
        if (isUsable(hook, { later: answering === undefined })) await postToWebhook(hook.url, message);
        else await openApi.send(dingtalkTarget(conversationId), message, robotCode);
      },
    });
  };

  const onMessage = async (down: DWClientDownStream): Promise<void> => {
    if (typeof down.data !== 'string' || down.data.length > MESSAGE_LIMIT) return;
    const message = JSON.parse(down.data) as DingtalkRobotMessage;
    if (message.msgId && !seen.firstTime(message.msgId)) return;
    const incoming = toIncoming(message);
    if (!incoming) return;
    if (message.robotCode) robotCode = message.robotCode;
    let webhook: SessionWebhook | undefined;
    if (typeof message.sessionWebhook === 'string' && /^https?:\/\//u.test(message.sessionWebhook)) {
      webhook = { url: message.sessionWebhook, expiresAt: message.sessionWebhookExpiredTime ?? Date.now() + 60 * 60_000 };
      webhooks.delete(incoming.conversationId);
      webhooks.set(incoming.conversationId, webhook);
      if (webhooks.size > WEBHOOKS_LIMIT) webhooks.delete(webhooks.keys().next().value as string);
    }
    const outgoing = await options.handler(incoming);
    if (outgoing.length > 0) await send(incoming.conversationId, outgoing, webhook);
  };

  client.registerCallbackListener(TOPIC_ROBOT, (down: DWClientDownStream) => {
    // Ack first, with its messageId, so DingTalk does not redeliver while the answer is worked out.
    try {
      client.socketCallBackResponse(down.headers.messageId, { status: 'SUCCESS' });
    } catch (error) {
      logger.warn('DingTalk: could not ack a message', error);
    }
    // Each message on its own promise: one slow or bad message never blocks or stops the others.
    void onMessage(down).catch((error: unknown) => logger.error('DingTalk message failed', error));
  });

  return {
    platform: 'dingtalk',
    // Groups deliver only @-messages to the bot: a daily question there says to @ it.
    traits: { groupsNeedMention: true },
    async start() {
      await connectOrFail((ok, fail) => void client.connectOnce().then(ok, (error: unknown) => fail(describeStartupError(error, options.gatewayUrl))), {
        timeoutMessage: `DingTalk did not answer at ${options.gatewayUrl} within seconds (DINGTALK_GATEWAY_URL, network)`,
        timeoutMs: options.startupTimeoutMs,
        abandon: () => client.disconnect(),
      });
      running = true;
      logger.info(`DingTalk: connected in Stream mode as ${options.clientId}`);
    },
    async stop() {
      if (!running) return;
      running = false;
      client.disconnect();
    },
    push: (conversationId, outgoing) => send(conversationId, outgoing),
  };
}

function describeStartupError(error: unknown, gatewayUrl: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof GatewayRejected) return `DingTalk rejected the app's credentials (DINGTALK_CLIENT_ID, DINGTALK_CLIENT_SECRET): ${message}`;
  if (error instanceof GatewayUnavailable) return `DingTalk could not be reached at ${gatewayUrl} (DINGTALK_GATEWAY_URL, network): ${message}`;
  return `DingTalk's stream endpoint could not be opened (from DINGTALK_GATEWAY_URL ${gatewayUrl}): ${message}`;
}

/** The notification title of a markdown message: its first line as plain text, short. */
function titleOf(markdown: string): string {
  const first = markdown.split('\n')[0]?.replace(/[*\\#>`]/gu, '').trim() ?? '';
  const chars = Array.from(first);
  return chars.length === 0 ? '反拐助手' : chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : first;
}

export const createDingtalkAdapter: AdapterFactory<DingtalkConfig> = (settings, context) =>
  createDingtalkBot({ ...settings, ...botOptionsFrom(context, 'dingtalk') });
