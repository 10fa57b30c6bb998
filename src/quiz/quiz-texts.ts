// Everything the quiz says, in one place. Short lines for a phone screen.
import type { ScoreRow } from './quiz-store.js';
import { LETTERS, type Question } from './types.js';

export const QUIZ_HELP = [
  '· /quiz start [题数] [条款编号或单位]（或「出题」）：开始答题，例如「出题 5 二（一）」「出题 3 民政厅」',
  '· /quiz stop（或「结束答题」）、/quiz rank（或「排行榜」）、/quiz rank week（或「本周排行」）、/quiz me（或「我的成绩」）',
  '· /quiz unit 民政厅（或说「我是民政厅的」）：练习和每日一题多考本单位的条款',
  '· /quiz daily on 09:30 [条款编号或单位]、/quiz daily off、/quiz daily（或「每日一题」）：每天定时出一题（管理员开关）',
  '· /quiz report（或「培训报告」，管理员）：答错最多的条款和本周排行',
];

export const QUIZ_USAGE = ['答题命令：', ...QUIZ_HELP].join('\n');

function who(name: string | undefined | null, id: string): string {
  return name && name.trim() !== '' ? name : id;
}

/** The question line under the quoted clause. */
export function askText(q: Question): string {
  if (q.role === '负责') return q.lead.length > 1 ? '以上工作由哪个单位负责（负责单位之一）？' : '以上工作由哪个单位负责？';
  return q.cooperate.length > 1 ? '哪个单位配合以上工作（配合单位之一）？' : '哪个单位配合以上工作？';
}

/**
 * How to answer. `mentionsOnly`: a group where the bot sees only messages that @ it (Slack channels,
 * WeCom, DingTalk), so the prompt says to @ it with the answer.
 */
export function answerHow(mentionsOnly: boolean): string {
  return mentionsOnly ? '请@我回复字母或单位名称（本群机器人只能收到@它的消息）' : '回复字母或单位名称';
}

/** The question as posted. */
export function questionText(q: Question, index: number, total: number, timeoutSeconds: number, mentionsOnly = false): string {
  return [
    `第${index}/${total}题（${q.role}）`,
    `「${q.excerpt}」`,
    askText(q),
    ...q.options.map((o, i) => `${LETTERS[i]}. ${o}`),
    `${answerHow(mentionsOnly)}，${timeoutSeconds}秒内作答。`,
  ].join('\n');
}

/** 负责：…；配合：… of the clause a question came from. */
export function rolesText(q: Question): string {
  return [`负责：${q.lead.join('、') || '无'}`, ...(q.cooperate.length > 0 ? [`配合：${q.cooperate.join('、')}`] : [])].join('；');
}

export function revealText(q: Question, index: number): string {
  return `第${index}题答案：${LETTERS[q.answer]}. ${q.options[q.answer]}（条款 ${q.clausePath}；${rolesText(q)}）`;
}

export const QUIZ_TEXT = {
  right: (name: string | undefined, points: number, total: number, isGroup: boolean) =>
    isGroup ? `正确！${name ?? ''} +${points} 分（本群累计 ${total} 分）` : `正确！+${points} 分（累计 ${total} 分）`,
  wrong: (name: string | undefined, isGroup: boolean) => (isGroup && name ? `${name}，答错了，本题不能再答。` : '答错了。'),
  alreadyAnswered: (name: string | undefined) => `${name ? `${name}，` : ''}这题你已经答过了，请等下一题。`,
  tooLate: (winner: string) => `慢了一步，${winner} 已经答对了。`,
  timeUp: '时间到，没有人答对。',
  started: (total: number, scope: string, timeoutSeconds: number, practice: boolean) =>
    `开始答题：${total}题，范围：${scope}，每题${timeoutSeconds}秒。${practice ? '私聊练习会多考你答错过的条款。' : '每题先答对者得分。'}发送「结束答题」可提前结束。`,
  alreadyRunning: (index: number, total: number) => `正在答题中（第${index}/${total}题）。发送「结束答题」可结束。`,
  notRunning: '现在没有在答题。发送「出题」开始。',
  stopped: '已结束答题。',
  noClauses: (scope: string) => `「${scope}」没有可出题的条款（需要有负责或配合单位）。`,
  badScope: (text: string) => `不认识「${text}」：请写条款编号（如 二（一））或单位名称（如 民政厅）。`,
  emptyBoard: '还没有答题成绩。发送「出题」开始。',
  noScore: '你还没有答题成绩。发送「出题」开始。',
  reportAdminOnly: '只有管理员（培训负责人）可以看培训报告。',
  streak: (days: number) => (days > 0 ? `，已连续${days}天答对` : ''),
  myUnit: (unit: string) => `你的单位：${unit}（练习和每日一题多考本单位的条款）。`,
};

export function myStreakText(streak: { current: number; best: number }): string {
  return streak.current > 0 ? `连续答对：${streak.current}天（最长${streak.best}天）。` : `连续答对：今天还没有（最长${streak.best}天）。`;
}

export function weekBoardText(rows: readonly ScoreRow[], since: number, timeZone: string, isGroup: boolean): string {
  const monday = new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'long', day: 'numeric' }).format(new Date(since));
  if (rows.length === 0) return `本周（${monday}起）还没有答题成绩。`;
  return [
    `本周排行榜（${monday}起${isGroup ? '，本群' : ''}）：`,
    ...rows.map((r, i) => `${i + 1}. ${who(r.personName, r.personId)} ${r.points}分（答对${r.correct}/${r.answered}）`),
  ].join('\n');
}

export function roundSummary(scores: ReadonlyMap<string, { name: string | undefined; points: number }>, total: number): string {
  const ranked = [...scores.entries()].filter(([, s]) => s.points > 0).sort((a, b) => b[1].points - a[1].points);
  const line = ranked.length > 0 ? `本轮得分：${ranked.map(([id, s]) => `${who(s.name, id)} ${s.points}分`).join('，')}。` : '本轮没有人得分。';
  return `本轮${total}题结束。${line}发送「排行榜」查看总排行。`;
}

export function leaderboardText(rows: readonly ScoreRow[], isGroup: boolean): string {
  if (rows.length === 0) return QUIZ_TEXT.emptyBoard;
  return [
    isGroup ? '排行榜（本群）：' : '排行榜：',
    ...rows.map((r, i) => `${i + 1}. ${who(r.personName, r.personId)} ${r.points}分（答对${r.correct}/${r.answered}）`),
  ].join('\n');
}

export function myScoreText(here: ScoreRow | undefined, total: ScoreRow | undefined, rank: number | undefined, reviewDue: number, isGroup: boolean): string {
  if (!here && !total) return QUIZ_TEXT.noScore;
  const lines: string[] = [];
  if (here) {
    const pct = here.answered > 0 ? Math.round((100 * here.correct) / here.answered) : 0;
    lines.push(`${isGroup ? '本群' : '这里'}：${here.points}分，答题${here.answered}次，答对${here.correct}次（${pct}%）${rank ? `，第${rank}名` : ''}。`);
  }
  if (total && (!here || total.answered !== here.answered)) lines.push(`所有群合计：${total.points}分，答对${total.correct}/${total.answered}。`);
  if (reviewDue > 0) lines.push(`有${reviewDue}条答错过的条款待复习，私聊我发「出题」练习。`);
  return lines.join('\n');
}
