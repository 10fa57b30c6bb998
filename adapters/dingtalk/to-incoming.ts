// A DingTalk robot message (Stream topic /v1.0/im/bot/messages/get) as the chat layer's
// IncomingMessage. Conversation ids: a group's openConversationId (cid…), or `user:<senderStaffId>`
// for a single chat — what the OpenAPI needs to post there unprompted (see push.ts).
import type { IncomingMessage } from '../../src/chat/types.js';
import { mentionTokensIn } from '../../src/chat/trigger.js';

/** The fields the bot reads (the SDK's RobotTextMessage, plus isInAtList and conversationTitle). */
export interface DingtalkRobotMessage {
  msgId?: string;
  conversationId?: string;
  /** '1' single chat, '2' group. */
  conversationType?: string;
  conversationTitle?: string;
  senderStaffId?: string;
  senderId?: string;
  senderNick?: string;
  isInAtList?: boolean;
  sessionWebhook?: string;
  sessionWebhookExpiredTime?: number;
  robotCode?: string;
  msgtype?: string;
  text?: { content?: string };
}

const USER_PREFIX = 'user:';

export function dingtalkConversationId(m: DingtalkRobotMessage): string | undefined {
  if (m.conversationType === '2') return m.conversationId;
  const person = m.senderStaffId ?? m.senderId;
  return person ? `${USER_PREFIX}${person}` : undefined;
}

/** Where a conversation id points: a group, or one person. */
export function dingtalkTarget(conversationId: string): { group: string } | { user: string } {
  return conversationId.startsWith(USER_PREFIX) ? { user: conversationId.slice(USER_PREFIX.length) } : { group: conversationId };
}

export function toIncoming(m: DingtalkRobotMessage): IncomingMessage | undefined {
  const text = m.msgtype === 'text' ? m.text?.content : undefined;
  const senderId = m.senderStaffId ?? m.senderId;
  const conversationId = dingtalkConversationId(m);
  if (typeof text !== 'string' || !senderId || !conversationId) return undefined;
  const isGroup = m.conversationType === '2';
  return {
    platform: 'dingtalk',
    conversationId,
    ...(isGroup && m.conversationTitle ? { conversationName: m.conversationTitle } : {}),
    isGroup,
    senderId,
    ...(m.senderNick ? { senderName: m.senderNick } : {}),
    text,
    // DingTalk says whether the bot was @-mentioned; in a group only those messages are for it.
    mentioned: isGroup && m.isInAtList === true,
    fromSelf: false,
    mentionTokens: mentionTokensIn(text),
    mentionsOnly: true,
  };
}
