// The handler with the core's plain-text rendering wired in: what start.ts and the adapters' end-to-end
// tests use. Rich adapters (Slack) still get the structured Reply on every Outgoing.
import type { Answer, Reply } from '../core/types.js';
import { renderReplyText } from '../core/render-text.js';
import { createMessageHandler, type CommandPlugin, type Interceptor, type MessageHandler } from './handler.js';
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
  logger?: Logger;
}

/** Clause text in an answer is cut after this many characters; /full shows the rest. */
const ANSWER_TEXT_CHARS = 120;
/** Asking for a clause by number shows it whole when the lookup finds only a few. */
const WHOLE_LOOKUP_MAX = 3;

export function renderChatReply(reply: Reply): string {
  const whole = reply.intent === 'clause-lookup' && reply.answers.length <= WHOLE_LOOKUP_MAX;
  return renderReplyText(reply, { maxTextChars: whole ? Number.POSITIVE_INFINITY : ANSWER_TEXT_CHARS });
}

export function renderFullClause(clause: Answer): string {
  return renderReplyText(
    { question: clause.path, intent: 'clause-lookup', answers: [clause], related: [] },
    { maxTextChars: Number.POSITIVE_INFINITY },
  );
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
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
