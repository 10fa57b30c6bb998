// One administrator's private conversation with the bot, in memory. The console chat runs on it,
// and tests (Hubot-style) use it as a chat platform double: say() returns what the bot answers.
import type { MessageHandler } from '../../src/chat/handler.js';
import type { IncomingMessage } from '../../src/chat/types.js';

export interface ConsoleSession {
  /** Send one line as the console user; resolves with the bot's messages (possibly none). */
  say(text: string): Promise<string[]>;
}

export interface ConsoleSessionOptions {
  handler: MessageHandler;
  senderId?: string;
  senderName?: string;
}

export function createConsoleSession(options: ConsoleSessionOptions): ConsoleSession {
  const senderId = options.senderId ?? 'console';
  return {
    async say(text) {
      const msg: IncomingMessage = {
        platform: 'console',
        conversationId: `console:${senderId}`,
        isGroup: false,
        senderId,
        senderName: options.senderName ?? '管理员',
        text,
        mentioned: false,
        fromSelf: false,
        // The console runs on the administrator's own machine.
        admin: true,
      };
      const outgoing = await options.handler(msg);
      return outgoing.map((o) => o.text);
    },
  };
}
