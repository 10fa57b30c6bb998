// When the bot speaks: in a group only when addressed (mention or prefix), in private always.
// Kept in one place so WeChat, Slack and the console agree.
import type { IncomingMessage } from './types.js';

export interface TriggerRules {
  /** Group messages starting with one of these are addressed to the bot, e.g. 反拐, /fanguai. */
  prefixes: string[];
  /**
   * If non-empty, only groups whose conversation id is listed are answered (private chats are
   * unaffected). Ids, never names: anyone can rename a group.
   */
  groupAllowlist?: string[];
}

export type TriggerDecision =
  | { answer: true; text: string; via: 'private' | 'mention' | 'prefix' }
  | { answer: false; reason: 'self' | 'not-allowed' | 'not-addressed' };

// After a prefix, these separate it from the question (ASCII and full-width).
const SEPARATOR = /^[\s\u2005\u3000:：,，、.。!！?？\-—]+/u;
const SPACES = /[\s\u2005\u3000]/u;

/** Decide whether to answer and return the question with mention/prefix removed. */
export function decideTrigger(msg: IncomingMessage, rules: TriggerRules): TriggerDecision {
  if (msg.fromSelf) return { answer: false, reason: 'self' };
  if (msg.isGroup && rules.groupAllowlist && rules.groupAllowlist.length > 0) {
    if (!rules.groupAllowlist.includes(msg.conversationId)) return { answer: false, reason: 'not-allowed' };
  }
  const withoutMention = stripMentions(msg.text, msg.mentionTokens ?? []);
  const prefixed = stripPrefix(withoutMention, rules.prefixes);
  if (!msg.isGroup) return { answer: true, text: prefixed ?? withoutMention, via: 'private' };
  if (msg.mentioned) return { answer: true, text: prefixed ?? withoutMention, via: 'mention' };
  if (prefixed !== undefined) return { answer: true, text: prefixed, via: 'prefix' };
  return { answer: false, reason: 'not-addressed' };
}

/** Boolean form of decideTrigger, for callers that only need yes/no. */
export function shouldAnswer(msg: IncomingMessage, rules: TriggerRules): boolean {
  return decideTrigger(msg, rules).answer;
}

/**
 * Remove every mention token and the space after it. WeChat ends a mention with U+2005
 * (four-per-em space); Slack writes <@U123>.
 */
export function stripMentions(text: string, tokens: string[]): string {
  let out = text;
  for (const token of tokens) {
    if (!token) continue;
    out = out.split(token).join(' ');
  }
  return out.replace(/^[\s\u2005\u3000]+|[\s\u2005\u3000]+$/gu, '');
}

/**
 * If text starts with a prefix, return the rest; otherwise undefined.
 * A slash prefix (/fanguai) must end at a word boundary so /fanguaixyz is not it. A word prefix
 * (反拐) is removed only when a separator follows, because 反拐工作联席会议… is a real question
 * that starts with the same word: then the whole text is kept as the question.
 */
export function stripPrefix(text: string, prefixes: string[]): string | undefined {
  const trimmed = text.replace(/^[\s\u2005\u3000]+/u, '');
  // Longest first so /fanguai wins over /fan when both are configured.
  const sorted = [...prefixes].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
  for (const prefix of sorted) {
    if (!trimmed.toLowerCase().startsWith(prefix.toLowerCase())) continue;
    const rest = trimmed.slice(prefix.length);
    if (prefix.startsWith('/')) {
      if (rest !== '' && !SPACES.test(rest[0]!) && !SEPARATOR.test(rest)) continue;
      return rest.replace(SEPARATOR, '').trim();
    }
    if (rest === '' || SEPARATOR.test(rest)) return rest.replace(SEPARATOR, '').trim();
    return trimmed.trim();
  }
  return undefined;
}

/**
 * The @-mentions in a message (「@反拐助手 谁负责…」), for platforms whose message text carries no
 * token of the bot's own (WeCom, DingTalk): whether it @-mentions anyone, and the names to strip
 * before asking. A name runs to the next space (WeCom and DingTalk put one after it).
 */
export function mentionTokensIn(text: string): string[] {
  return text.match(/@[^\s\u2005\u3000@]+/gu) ?? [];
}
