// Fixed texts the chat layer sends itself (not answers from the core). Short, for a phone screen.
import type { TriggerRules } from './trigger.js';

export const EXAMPLE_QUESTION = '谁负责婚姻登记相关反拐措施';

export function helpText(opts: { isGroup: boolean; trigger: TriggerRules; extraLines?: string[]; mentionsOnly?: boolean }): string {
  const lines = ['反拐实施细则问答助手：问「谁负责什么」，答负责单位和配合单位。'];
  if (opts.isGroup) {
    // Where the platform delivers only @-messages to the bot, a prefix alone never reaches it.
    const prefixes = opts.mentionsOnly ? [] : opts.trigger.prefixes.filter((p) => p !== '');
    const how = prefixes.length > 0 ? `@我，或以「${prefixes.join('」「')}」开头` : '@我';
    lines.push(`在群里提问：${how}。`);
  }
  lines.push(
    '',
    '例如：',
    `· ${EXAMPLE_QUESTION}`,
    '· 民政厅负责哪些工作',
    '· 二（一）3',
    '',
    '接着问（几分钟内）：「那配合的呢」「还有呢」「那民政厅呢」「这条全文」，或回复列表里的编号。',
    '',
    '命令：',
    '· /full 条款编号（或「全文」）：看条款全文',
    '· /help（或「帮助」）：本说明',
    ...(opts.extraLines ?? []),
  );
  return lines.join('\n');
}

export const TEXT = {
  emptyAddressed: `请在后面写上问题，例如：${EXAMPLE_QUESTION}。发送 /help 查看用法。`,
  tooLong: '问题太长了，请只发要问的那一句（1000字以内）。',
  noWords: `请用文字提问，例如：${EXAMPLE_QUESTION}。`,
  unknownCommand: (word: string) => `没有 ${word} 这个命令。发送 /help 查看用法。`,
  fullUsage: '用法：/full 条款编号，例如 /full 二（一）3。先提问，再发「全文」可看上一条答案的全文。',
  fullNotFound: (id: string) => `没有找到条款「${id}」。发送 /help 查看用法。`,
  adminOnly: '这个命令只有管理员可以用。',
  followUpNothing: `这句是接着上一个回答问的，但我这里没有上一个回答（或已过了几分钟）。请直接问，例如：${EXAMPLE_QUESTION}。`,
  followUpNoMore: '没有更多相关条款了。可以换个说法再问，或问「某单位负责哪些工作」。',
  followUpNoNumber: (n: number) => `上面的列表里没有第 ${n} 项。回复列表中的编号看全文。`,
  notYet: (word: string) => `${word} 功能尚未开放。`,
  failed: '抱歉，处理这条消息时出错了，请换个说法再试。',
  /** Sent once when a conversation's send queue overflows (src/chat/pacer.ts). */
  busy: '消息太多，有的问题没来得及回答，请稍后再问。',
};
