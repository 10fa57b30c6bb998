// WeCom 智能机器人 (企业微信, and 政务微信 built on it) over its long connection, with
// @wecom/aibot-node-sdk: no public address or callback server. Each callback is answered in its own
// conversation with one markdown stream message (aibot_respond_msg, finish: true); what does not fit
// and every unprompted post (quiz reveals, scheduled questions) goes out with aibot_send_msg, paced.
import { WSClient } from '@wecom/aibot-node-sdk';
import { botOptionsFrom, type AdapterFactory, type BotOptions, type ChatAdapter } from '../../src/chat/adapter.js';
import { connectOrFail } from '../../src/chat/connect-or-fail.js';
import { silentLogger } from '../../src/chat/logger.js';
import { createPacer } from '../../src/chat/pacer.js';
import { TEXT } from '../../src/chat/messages.js';
import { outgoingMarkdown } from '../../src/chat/render-markdown.js';
import { createSeenIds } from '../../src/chat/seen-ids.js';
import { splitText } from '../../src/chat/split-text.js';
import type { Outgoing } from '../../src/chat/types.js';
import type { WecomConfig } from './config.js';
import { toIncoming, wecomConversationId, type WecomMessageBody } from './to-incoming.js';

// A stream message holds 20480 bytes and a pushed markdown message 4096; a Chinese character is 3
// bytes in UTF-8, so these character limits keep any text under them.
export const WECOM_STREAM_CHARS = 6000;
export const WECOM_PUSH_CHARS = 1300;
/** Between two pushed messages into one conversation. */
export const WECOM_MIN_SEND_INTERVAL_MS = 1000;

export interface WecomBotOptions extends WecomConfig, BotOptions {}

export function createWecomBot(options: WecomBotOptions): ChatAdapter {
  const logger = options.logger ?? silentLogger;
  const client = new WSClient({
    botId: options.botId,
    secret: options.secret,
    wsUrl: options.wsUrl,
    // Once running, keep reconnecting (with back-off); start-up itself fails fast below.
    maxReconnectAttempts: -1,
    reconnectInterval: options.reconnectBaseMs ?? 1000,
    // The SDK's own log lines go to debug: what matters is logged once, below, in our words.
    logger: { debug: (m) => logger.debug(`WeCom SDK: ${m}`), info: (m) => logger.debug(`WeCom SDK: ${m}`), warn: (m) => logger.debug(`WeCom SDK: ${m}`), error: (m) => logger.debug(`WeCom SDK: ${m}`) },
  });
  const pacer = createPacer(options.minSendIntervalMs ?? WECOM_MIN_SEND_INTERVAL_MS);
  const seen = options.seen ?? createSeenIds();
  let running = false;

  /** Markdown parts, each under a pushed message's size: one reply to the pacer, so they stay together. */
  const pushParts = async (conversationId: string, parts: readonly string[]): Promise<void> => {
    const post = (content: string) => () => client.sendMessage(conversationId, { msgtype: 'markdown', markdown: { content } });
    await pacer.send(conversationId, parts.map(post), post(TEXT.busy));
  };
  /** A post with no message to answer: all of it as one message where it fits. */
  const push = (conversationId: string, outgoing: readonly Outgoing[]): Promise<void> =>
    pushParts(conversationId, splitText(outgoing.map(outgoingMarkdown).join('\n\n'), WECOM_PUSH_CHARS));

  const onMessage = async (frame: { headers: { req_id: string }; body?: WecomMessageBody }): Promise<void> => {
    const body = frame.body ?? {};
    if (body.msgid && !seen.firstTime(body.msgid)) return;
    const incoming = toIncoming(body);
    if (!incoming) return;
    const outgoing = await options.handler(incoming);
    if (outgoing.length === 0) return;
    // One stream message answers the callback. A reply too long for it is cut once, at the pushed
    // messages' size, so its parts are numbered 1/n…n/n: the first answers, the rest are pushed.
    const text = outgoing.map(outgoingMarkdown).join('\n\n');
    const [first = '', ...rest] = text.length <= WECOM_STREAM_CHARS ? [text] : splitText(text, WECOM_PUSH_CHARS);
    await client.replyStream(frame, `s${body.msgid ?? Date.now()}`, first, true);
    const conversationId = wecomConversationId(body);
    if (conversationId && rest.length > 0) await pushParts(conversationId, rest);
  };

  client.on('message', (frame) => {
    // Each message on its own promise: one slow or bad message never blocks or stops the others.
    void onMessage(frame).catch((error: unknown) => logger.error('WeCom message failed', error));
  });
  client.on('disconnected', (reason) => {
    if (running) logger.warn(`WeCom: connection lost (${reason}); reconnecting`);
  });
  client.on('reconnecting', (attempt) => {
    if (running) logger.info(`WeCom: reconnecting (attempt ${attempt})`);
  });
  client.on('authenticated', () => {
    if (running) logger.info('WeCom: connected again');
  });
  client.on('error', (error) => {
    if (running) logger.warn(`WeCom: ${error.message}`);
  });
  client.on('event.disconnected_event', () => {
    logger.error('WeCom: another connection took over this bot (a second process with the same WECOM_BOT_ID?); this one no longer receives messages');
  });

  return {
    platform: 'wecom',
    // Groups deliver only @-messages to the bot: a daily question there says to @ it.
    traits: { groupsNeedMention: true },
    async start() {
      await connectOrFail(
        (ok, fail) => {
          client.once('authenticated', ok);
          client.on('error', (error) => {
            if (/Authentication failed/u.test(error.message)) {
              fail(`WeCom rejected the bot's credentials (WECOM_BOT_ID, WECOM_BOT_SECRET): ${error.message.replace(/^Authentication failed: /u, '')}`);
            } else if (!running) {
              fail(`WeCom could not be reached at ${options.wsUrl} (WECOM_WS_URL, network): ${error.message}`);
            }
          });
          client.connect();
        },
        {
          timeoutMessage: `WeCom did not answer at ${options.wsUrl} within seconds (WECOM_WS_URL, network)`,
          timeoutMs: options.startupTimeoutMs,
          abandon: () => client.disconnect(),
        },
      );
      running = true;
      logger.info(`WeCom: connected as 智能机器人 ${options.botId}`);
    },
    async stop() {
      if (!running) return;
      running = false;
      client.disconnect();
    },
    push,
  };
}

export const createWecomAdapter: AdapterFactory<WecomConfig> = (settings, context) =>
  createWecomBot({ ...settings, ...botOptionsFrom(context, 'wecom') });
