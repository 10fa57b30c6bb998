// What 每日一题 says. Short lines for a phone screen.
import type { DailySchedule } from './daily-store.js';
import { LETTERS, type Question } from './types.js';
import { answerHow, askText, rolesText } from './quiz-texts.js';

export function dailyQuestionText(q: Question, opts: { date: string; revealAt: string; needMention: boolean }): string {
  return [
    `每日一题（${q.role}）${opts.date}`,
    `「${q.excerpt}」`,
    askText(q),
    ...q.options.map((o, i) => `${LETTERS[i]}. ${o}`),
    `${answerHow(opts.needMention)}，每人一次，${opts.revealAt} 公布答案。`,
  ].join('\n');
}

export function dailyRevealText(q: Question, winners: readonly string[]): string {
  const who = winners.length > 0 ? `答对${winners.length}人：${winners.slice(0, 20).join('、')}${winners.length > 20 ? ' 等' : ''}。` : '没有人答对。';
  return `每日一题答案：${LETTERS[q.answer]}. ${q.options[q.answer]}（条款 ${q.clausePath}；${rolesText(q)}）\n${who}`;
}

export const DAILY_TEXT = {
  right: (name: string | undefined, points: number, streak: number) =>
    `正确！${name ? `${name} ` : ''}+${points} 分，已连续${streak}天答对。`,
  wrong: (name: string | undefined, revealAt: string) => `${name ? `${name}，` : ''}答错了，${revealAt} 公布答案。`,
  already: (name: string | undefined) => `${name ? `${name}，` : ''}今天的题你已经答过了。`,
  closed: '今天的题已经结束了。',
  usage: '每日一题：/quiz daily on 09:30 [条款编号或单位]（开启），/quiz daily off（关闭），/quiz daily（状态）',
  needTime: '请写时间，例如：/quiz daily on 09:30',
  badTime: (text: string) => `时间「${text}」不对：请写 00:00 到 23:59 之间的时间，例如 09:30。`,
  adminOnly: '只有管理员（培训负责人）可以开关每日一题。发送「/quiz daily」查看状态。',
  on: (time: string, timeZone: string, scope: string, windowMinutes: number, startsToday: boolean) =>
    `每日一题已开启：每天 ${time}（${timeZone}）出一题，范围：${scope}，${windowMinutes}分钟后公布答案。${startsToday ? '今天就开始。' : '今天的时间已过，明天开始。'}`,
  off: '每日一题已关闭。',
  notOn: '这里没有开启每日一题。管理员发送「/quiz daily on 09:30」开启。',
  noClauses: (scope: string) => `「${scope}」没有可出题的条款，每日一题没有开启。`,
  status: (s: DailySchedule, opts: { timeZone: string; scope: string; windowMinutes: number; today: string; error?: string }) =>
    [
      `每日一题：每天 ${s.time}（${opts.timeZone}），范围：${opts.scope}，${opts.windowMinutes}分钟后公布答案。`,
      `今天：${opts.today}`,
      ...(opts.error ? [opts.error] : []),
    ].join('\n'),
  failed: (when: string, error: string) => `上次发送失败（${when}）：${error}。日程保留，下次照常发送；若机器人已不在群里，请把它拉回群或关闭每日一题。`,
};
