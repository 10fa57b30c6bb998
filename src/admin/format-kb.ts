// Texts of /kb status and /kb reload, for a chat window: short, Chinese, problems verbatim but
// bounded — at most MAX_PROBLEMS_SHOWN lines of at most MAX_PROBLEM_CHARS each, and the whole reply
// under MAX_REPLY_CHARS, whatever the files hold (a 1 MB clause once made a 118-message reply).
import type { KbStatus, ReloadResult } from '../core/live-assistant.js';
import { formatProblem } from '../knowledge/load.js';
import { clip, MAX_PROBLEM_CHARS, MAX_PROBLEMS_SHOWN, MAX_REPLY_CHARS } from '../knowledge/limits.js';
import { formatLocalTime } from './format-time.js';

/** A chat reply lists this many problems or changes; the rest are counted. */
const MAX_LINES = MAX_PROBLEMS_SHOWN;

export const RELOAD_BUSY = '知识库正在重新加载，请等它完成（完成后会有回复）再试。';

export function formatStatus(s: KbStatus): string {
  return clip([
    `知识库版本 ${s.version}，共 ${s.clauses} 条条款，加载于 ${formatLocalTime(s.loadedAt)}。`,
    '文件：',
    ...s.documents.map((d) => clip(`· ${d.shortName}（${d.id}，${d.level}级）${d.clauses} 条`, MAX_PROBLEM_CHARS)),
  ].join('\n'), MAX_REPLY_CHARS);
}

export function formatReload(r: ReloadResult): string {
  return clip(reloadText(r), MAX_REPLY_CHARS);
}

function reloadText(r: ReloadResult): string {
  if (!r.ok && r.busy) return RELOAD_BUSY;
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
  const shown = lines.slice(0, MAX_LINES).map((l) => clip(l, MAX_PROBLEM_CHARS));
  if (lines.length <= MAX_LINES) return shown;
  return [...shown, `……另有 ${lines.length - MAX_LINES} ${what}`];
}
