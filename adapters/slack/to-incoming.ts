// Slack events as the chat layer's IncomingMessage, so trigger and command rules are the shared ones.
import type { IncomingMessage } from '../../src/chat/types.js';
import { decodeSlackText } from './mrkdwn.js';

/** Where a reply goes: the channel, and the thread when there is one. */
export interface SlackTarget {
  channel: string;
  threadTs?: string;
}

export interface SlackIncoming {
  message: IncomingMessage;
  target: SlackTarget;
}

// Slack DM channel ids start with D; app_mention carries no channel_type.
const isDirectChannel = (channel: string): boolean => channel.startsWith('D');

/** The mention token of the bot, plus any leading <@U…> when the bot's id is not known yet. */
function mentionTokens(text: string, botUserId: string | undefined): string[] {
  if (botUserId) return [`<@${botUserId}>`];
  const leading = /^\s*(<@[UW][A-Z0-9]+(?:\|[^>]*)?>)/.exec(text);
  return leading ? [leading[1]!] : [];
}

export interface MentionEvent {
  channel: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  text: string;
}

/** app_mention in a channel: answered in the mention's thread, which is also the conversation. */
export function fromAppMention(event: MentionEvent, botUserId?: string): SlackIncoming {
  const threadTs = event.thread_ts ?? event.ts;
  return {
    message: {
      platform: 'slack',
      // Keyed per thread so 「全文」 after an answer refers to that thread's answer.
      conversationId: `${event.channel}:${threadTs}`,
      isGroup: !isDirectChannel(event.channel),
      senderId: event.user ?? '',
      text: decodeSlackText(event.text),
      mentioned: true,
      fromSelf: Boolean(botUserId && event.user === botUserId),
      mentionTokens: mentionTokens(event.text, botUserId),
    },
    target: { channel: event.channel, threadTs },
  };
}

export interface DirectMessageEvent {
  channel: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  text?: string;
  bot_id?: string;
}

/** A message in the bot's DM: always addressed; replies stay in a thread only if it was in one. */
export function fromDirectMessage(event: DirectMessageEvent, botUserId?: string): SlackIncoming {
  return {
    message: {
      platform: 'slack',
      conversationId: event.channel,
      isGroup: false,
      senderId: event.user ?? '',
      text: decodeSlackText(event.text ?? ''),
      mentioned: false,
      fromSelf: Boolean(event.bot_id) || Boolean(botUserId && event.user === botUserId),
      mentionTokens: mentionTokens(event.text ?? '', botUserId),
    },
    target: { channel: event.channel, ...(event.thread_ts ? { threadTs: event.thread_ts } : {}) },
  };
}

export interface SlashCommandPayload {
  channel_id: string;
  channel_name?: string;
  user_id: string;
  user_name?: string;
  text: string;
}

/**
 * /fanguai 问题: addressed by construction. The answer is ephemeral (only the asker sees it), so
 * the conversation is that person in that channel. A bare /fanguai asks for help rather than nothing.
 */
export function fromSlashCommand(command: SlashCommandPayload): IncomingMessage {
  const text = decodeSlackText(command.text ?? '').trim();
  return {
    platform: 'slack',
    conversationId: `${command.channel_id}:${command.user_id}`,
    ...(command.channel_name ? { conversationName: command.channel_name } : {}),
    isGroup: !isDirectChannel(command.channel_id),
    senderId: command.user_id,
    ...(command.user_name ? { senderName: command.user_name } : {}),
    text: text === '' ? '/help' : text,
    mentioned: true,
    fromSelf: false,
  };
}
