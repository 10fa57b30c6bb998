// What every listener needs, handed to register(): the shared chat handler, how to post, the logger.
import type { webApi } from '@slack/bolt';
import type { MessageHandler } from '../../../src/chat/handler.js';
import type { Logger } from '../../../src/chat/logger.js';
import type { SlackTarget } from '../to-incoming.js';
import type { SlackMessage } from '../to-slack-messages.js';

export interface ListenerContext {
  handler: MessageHandler;
  logger: Logger;
  /** Slash command name with its slash, e.g. /fanguai. */
  command: string;
  /** Post messages into a channel or thread, in order, paced per channel. */
  post(client: webApi.WebClient, target: SlackTarget, messages: SlackMessage[]): Promise<void>;
  /** Records a 「回答有误」 click and returns the thank-you; answers carry the button only when set. */
  flagWrong?: (flag: SlackFlag) => Promise<string | undefined> | string | undefined;
}

export interface SlackFlag {
  /** The chat layer's conversation id for where the answer was shown. */
  conversation: string;
  userId: string;
  question: string;
  answerIds: string[];
}
