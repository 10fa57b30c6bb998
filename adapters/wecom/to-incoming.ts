// A WeCom 智能机器人 callback (aibot_msg_callback) as the chat layer's IncomingMessage.
// Conversation ids: a group's chatid, or the person's userid in a single chat — aibot_send_msg takes
// either as its `chatid`, so the id is also the push address.
import type { IncomingMessage } from '../../src/chat/types.js';
import { mentionTokensIn } from '../../src/chat/trigger.js';

/** The fields of a callback body the bot reads (the SDK's BaseMessage, TextMessage, VoiceMessage). */
export interface WecomMessageBody {
  msgid?: string;
  chatid?: string;
  chattype?: string;
  from?: { userid?: string };
  msgtype?: string;
  text?: { content?: string };
  /** Voice messages arrive already transcribed. */
  voice?: { content?: string };
}

export function wecomConversationId(body: WecomMessageBody): string | undefined {
  return body.chattype === 'group' ? body.chatid : body.from?.userid;
}

/** Undefined for what the bot never reads: images, files, messages without a sender or text. */
export function toIncoming(body: WecomMessageBody): IncomingMessage | undefined {
  const text = body.msgtype === 'text' ? body.text?.content : body.msgtype === 'voice' ? body.voice?.content : undefined;
  const senderId = body.from?.userid;
  const conversationId = wecomConversationId(body);
  if (typeof text !== 'string' || !senderId || !conversationId) return undefined;
  const isGroup = body.chattype === 'group';
  const mentionTokens = mentionTokensIn(text);
  return {
    platform: 'wecom',
    conversationId,
    isGroup,
    senderId,
    text,
    // The server delivers only the group messages that @ the bot, so each is for it — whether or not
    // its text still carries the @name (WeCom's documents do not promise either way).
    mentioned: isGroup,
    fromSelf: false,
    mentionTokens,
    mentionsOnly: true,
  };
}
