// Turn a Wechaty message into the platform-neutral IncomingMessage, or undefined for messages the
// bot never reads (its own, non-text).
import { types, type Message, type Wechaty } from 'wechaty';
import type { IncomingMessage } from '../../src/chat/types.js';

export async function toIncoming(bot: Wechaty, message: Message): Promise<IncomingMessage | undefined> {
  if (message.self()) return undefined;
  if (message.type() !== types.Message.Text) return undefined;
  const room = message.room();
  const talker = message.talker();
  const selfName = safeName(bot);
  const mentionTokens = selfName ? [`@${selfName}`] : [];
  let conversationName: string | undefined;
  let mentioned = false;
  if (room) {
    conversationName = await room.topic();
    mentioned = await message.mentionSelf();
    // People mention the bot by its group nickname when it has one.
    const alias = await room.alias(bot.currentUser).catch(() => undefined);
    if (alias) mentionTokens.unshift(`@${alias}`);
  }
  return {
    platform: 'wechat',
    conversationId: room ? room.id : talker.id,
    ...(conversationName !== undefined ? { conversationName } : {}),
    isGroup: Boolean(room),
    senderId: talker.id,
    senderName: talker.name(),
    text: message.text(),
    mentioned,
    fromSelf: false,
    mentionTokens,
  };
}

function safeName(bot: Wechaty): string | undefined {
  try {
    return bot.currentUser.name() || undefined;
  } catch {
    // Not logged in yet: no name to strip.
    return undefined;
  }
}
