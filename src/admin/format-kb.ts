// Texts of /kb status and /kb reload, for a chat window: short, Chinese, problems verbatim.
import type { KbStatus, ReloadResult } from '../core/live-assistant.js';
import { formatProblem } from '../knowledge/load.js';
import { formatLocalTime } from './format-time.js';

/** A chat reply lists this many problems or changes; the rest are counted. */
const MAX_LINES = 10;

export function formatStatus(s: KbStatus): string {
  return [
    `知识库版本 ${s.version}，共 ${s.clauses} 条条款，加载于 ${formatLocalTime(s.loadedAt)}。`,
    '文件：',
    ...s.documents.map((d) => `· ${d.shortName}（${d.id}，${d.level}级）${d.clauses} 条`),
  ].join('\n');
}

export function formatReload(r: ReloadResult): string {
  if (!r.ok) {
    return [
      `重新加载失败，仍在使用原来的知识库（版本 ${r.status.version}，${r.status.clauses} 条条款）。问题：`,
      ...capped(r.problems.map((p) => `· ${formatProblem(p)}`), '个问题（npm run kb -- check 可看全部）'),
    ].join('\n');
  }
  const d = r.diff;
  const head =
    r.previousVersion === r.status.version
      ? `知识库已重新加载：版本 ${r.status.version}，文件没有变化。`
      : `知识库已重新加载：版本 ${r.previousVersion} → ${r.status.version}，共 ${r.status.clauses} 条条款。`;
  const lines = [head];
  if (d.documentsAdded.length) lines.push(`新增文件：${d.documentsAdded.join('、')}`);
  if (d.documentsRemoved.length) lines.push(`移除文件：${d.documentsRemoved.join('、')}`);
  for (const v of d.versions) lines.push(`新版本：${v}`);
  if (d.added + d.removed + d.changed > 0) {
    lines.push(`条款：新增 ${d.added}，删除 ${d.removed}，修改 ${d.changed}。`);
    if (d.units.length > 0) lines.push(`职责有变化的单位：${d.units.join('、')}`);
    lines.push(...capped(d.lines, '处变化'));
  }
  return lines.join('\n');
}

function capped(lines: string[], what: string): string[] {
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES), `……另有 ${lines.length - MAX_LINES} ${what}`];
}
