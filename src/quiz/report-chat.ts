// /quiz report in chat (trainers, i.e. administrators): the five clauses most often answered wrong
// and this week's board, in a few lines; the full picture is the HTML report.
import type { KnowledgeBase } from '../knowledge/types.js';
import type { Db } from '../store/open-database.js';
import { buildReport } from './report-data.js';
import type { ScoreRow } from './quiz-store.js';
import { weekBoardText } from './quiz-texts.js';

export const WEAK_IN_CHAT = 5;

export function chatReportText(
  db: Db,
  options: { group?: string; isGroup: boolean; timeZone: string; now: number; kb: KnowledgeBase; weekBoard: ScoreRow[]; weekSince: number },
): string {
  const data = buildReport(db, { timeZone: options.timeZone, now: options.now, kb: options.kb, ...(options.group ? { group: options.group } : {}) });
  const where = options.group ? '本群' : '所有群';
  const weak = data.weakClauses.slice(0, WEAK_IN_CHAT);
  const lines = [`培训报告（${where}，共${data.totals.people}人答题${data.totals.answers}次，正确率${pct(data.totals.correct, data.totals.answers)}%）`];
  if (weak.length === 0) lines.push('还没有答错的条款。');
  else {
    lines.push(`答错最多的${weak.length}条：`);
    weak.forEach((c, i) => {
      const chosen = c.wrongUnits.slice(0, 2).map((u) => `${u.unit}×${u.count}`).join('、');
      lines.push(`${i + 1}. ${c.path} 错${c.wrong}/${c.answers}次${chosen ? `，常选错：${chosen}` : ''}`);
    });
  }
  lines.push(weekBoardText(options.weekBoard.slice(0, 5), options.weekSince, options.timeZone, options.isGroup));
  lines.push('完整报告（图表）：npm run quiz -- report --out report.html');
  return lines.join('\n');
}

const pct = (correct: number, answers: number) => (answers === 0 ? 0 : Math.round((100 * correct) / answers));
