// The handler with the core's plain-text rendering wired in: what start.ts and the adapters' end-to-end
// tests use. Rich adapters (Slack, markdown) still get the structured Reply on every Outgoing.
import type { Answer, Reply } from '../core/types.js';
import { renderReplyText } from '../core/render-text.js';
import { chatExcerptChars, fullClauseReply } from '../core/reply-view.js';
import { createMessageHandler, type CommandPlugin, type Interceptor, type MessageHandler } from './handler.js';
import type { LastReplies } from './last-replies.js';
import type { ConversationMemoryOptions } from './conversation-memory.js';
import type { Logger } from './logger.js';
import type { ChatAssistant } from './types.js';

export interface ChatHandlerOptions {
  assistant: ChatAssistant;
  /** Group messages starting with one of these are addressed to the bot. */
  prefixes: string[];
  /** Group names answered in; empty or absent means all. */
  groupAllowlist?: string[];
  adminIds?: string[];
  commands?: CommandPlugin[];
  interceptors?: Interceptor[];
  /** Each conversation's last reply, shared by every handler of the process (src/chat/last-replies.ts). */
  lastReplies?: LastReplies;
  logger?: Logger;
  /** Follow-up threads: how long, how many, and the clock (src/chat/conversation-memory.ts). */
  memory?: ConversationMemoryOptions;
}

export function renderChatReply(reply: Reply): string {
  return renderReplyText(reply, { maxTextChars: chatExcerptChars(reply), digest: true, confidenceNote: true });
}

export function renderFullClause(clause: Answer): string {
  return renderReplyText(fullClauseReply(clause), { maxTextChars: Number.POSITIVE_INFINITY });
}

export function createChatHandler(options: ChatHandlerOptions): MessageHandler {
  return createMessageHandler({
    assistant: options.assistant,
    trigger: { prefixes: options.prefixes, groupAllowlist: options.groupAllowlist ?? [] },
    renderReply: renderChatReply,
    renderClause: renderFullClause,
    ...(options.commands ? { commands: options.commands } : {}),
    ...(options.interceptors ? { interceptors: options.interceptors } : {}),
    ...(options.adminIds ? { adminIds: options.adminIds } : {}),
    ...(options.lastReplies ? { lastReplies: options.lastReplies } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.memory ? { memory: options.memory } : {}),
  });
}
