// Records what administrators should add or fix: questions that got no answer, and answers people
// flag as wrong — a 「不对」/「答错了」 sent to the bot right after an answer, or the Slack button.
// Recording never gets in the way of answering: a failing store is logged and ignored.
import type { Interceptor, MessageHandler } from '../chat/handler.js';
import { silentLogger, type Logger } from '../chat/logger.js';
import type { MissEvent, MissStore } from '../store/misses.js';

export interface FeedbackOptions {
  store: MissStore;
  /** Version of the knowledge answering now, stored with each record. */
  version?: () => string;
  logger?: Logger;
}

export interface Flag {
  platform: string;
  conversation: string;
  question: string;
  answerIds: string[];
  remark?: string;
}

export interface Feedback {
  /** Wraps the chat handler: records the questions it could not answer. */
  observe(handler: MessageHandler): MessageHandler;
  /** Takes 「不对」/「答错了」 addressed to the bot and flags the conversation's last answer (the handler's LastReplies). */
  interceptor: Interceptor;
  /** A flag that names its answer itself (the Slack button); returns the thank-you. */
  flag(flag: Flag): string;
}

// The flag word must stand alone or be followed by a pause, so 「不对外开放的场所谁管」 is a question.
const FLAG_WORDS = /^(?:不对|不对的|答错了|答错|回答错了|回答错误|回答不对|答案不对|答案错了|错了|不正确)(?=$|[\s，,。.!！?？；;、:：~～吧啊呀哦])/u;

export const FEEDBACK_TEXT = {
  thanks: (where: string) => `谢谢指正，已记下${where}，管理员会核对。`,
  nothingToFlag: '没有找到可以标记的回答：请先提问，如果回答不对，再回复「不对」。',
};

export function isFlagWord(text: string): boolean {
  return FLAG_WORDS.test(text.trim());
}

export function createFeedback(options: FeedbackOptions): Feedback {
  const logger = options.logger ?? silentLogger;

  const record = (event: Omit<MissEvent, 'version'>) => {
    try {
      const version = options.version?.();
      options.store.record({ ...event, ...(version ? { version } : {}) });
    } catch (error) {
      logger.warn(`could not record a ${event.kind} question`, error);
    }
  };

  return {
    observe(handler) {
      return async (msg) => {
        const outgoing = await handler(msg);
        // Only the handler's answers: they come from messages addressed to the bot.
        for (const out of outgoing) {
          if (out.kind !== 'answer' || !out.reply || out.reply.intent === 'empty') continue;
          if (out.reply.answers.length === 0) {
            record({ kind: 'unanswered', platform: msg.platform, conversation: msg.conversationId, question: out.reply.question, answerIds: [] });
          }
        }
        return outgoing;
      };
    },
    interceptor(ctx) {
      if (!ctx.addressed || !isFlagWord(ctx.text)) return undefined;
      const reply = ctx.lastReplies.get(ctx.msg).reply;
      if (!reply) return [{ kind: 'flag', text: FEEDBACK_TEXT.nothingToFlag }];
      const answerIds = reply.answers.map((a) => a.id);
      const remark = ctx.text.trim();
      record({
        kind: 'flagged',
        platform: ctx.msg.platform,
        conversation: ctx.msg.conversationId,
        question: reply.question,
        answerIds,
        ...(isBareFlag(remark) ? {} : { remark }),
      });
      // Flagged once is enough: a second 「不对」 is not a second vote.
      ctx.lastReplies.forgetReply(ctx.msg);
      const top = reply.answers[0];
      return [{ kind: 'flag', text: FEEDBACK_TEXT.thanks(top ? `对「${reply.question}」的回答（${top.path}）` : `「${reply.question}」`) }];
    },
    flag(f) {
      record({ kind: 'flagged', ...f });
      return FEEDBACK_TEXT.thanks(`对「${f.question}」的回答`);
    },
  };
}

/** Just the flag word (and punctuation): nothing worth keeping as a remark. */
function isBareFlag(text: string): boolean {
  return text.replace(FLAG_WORDS, '').replace(/[\s\p{P}吧啊呀哦~～]/gu, '') === '';
}
