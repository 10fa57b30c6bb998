// What changed, as administrators and staff read it (CLI and chat): changed lead/cooperating units
// first, then clauses added, removed and reworded — each edit shown exactly, with a little context.
import { textEdit, unitsWithChangedDuties, type ClauseChanged, type UnitChange } from '../knowledge/clause-changes.js';
import type { Clause, DocumentInfo } from '../knowledge/types.js';
import type { ClauseHistory, VersionChanges } from '../knowledge/versions.js';

export interface FormatChangesOptions {
  /** Show at most this many clauses in each group; the rest are counted (chat replies stay short). */
  maxPerGroup?: number;
}

/** 2021年版（2021-11-03 起施行） */
export function versionLabel(info: DocumentInfo): string {
  const name = info.version ?? '未记版本';
  return info.effective ? `${name}（${info.effective} 起施行）` : name;
}

export function formatVersionChanges(v: VersionChanges, options: FormatChangesOptions = {}): string {
  const max = options.maxPerGroup ?? Number.POSITIVE_INFINITY;
  const { added, removed, changed } = v.changes;
  const unitChanged = changed.filter((c) => c.lead || c.cooperate);
  const textOnly = changed.filter((c) => !c.lead && !c.cooperate);
  const lines = [`${v.document.shortName}：${versionLabel(v.from)} → ${versionLabel(v.to)}`];
  if (added.length + removed.length + changed.length === 0) {
    lines.push('条款没有变化。');
    return lines.join('\n');
  }
  lines.push(
    `新增 ${added.length} 条，删除 ${removed.length} 条，修改 ${changed.length} 条（其中责任单位变化 ${unitChanged.length} 条）。`,
  );
  const units = unitsWithChangedDuties(v.changes);
  if (units.length > 0) lines.push(`职责有变化的单位：${units.join('、')}`);
  const group = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push('', `${title}（${items.length} 条）：`, ...items.slice(0, max));
    if (items.length > max) lines.push(`……另有 ${items.length - max} 条`);
  };
  group('责任单位变化', unitChanged.map((c) => `· ${c.after.path} ${[...unitLines(c), ...otherLines(c)].join('；')}`));
  group('新增条款', added.map((c) => `· ${c.path} ${clauseUnits(c)}「${c.text}」`));
  group('删除条款', removed.map((c) => `· ${c.path} ${clauseUnits(c)}「${c.text}」`));
  group('文字修改', textOnly.map((c) => `· ${c.after.path} ${otherLines(c).join('；')}`));
  return lines.join('\n');
}

export function formatClauseHistory(h: ClauseHistory): string {
  const lines = [`${h.document.shortName} ${h.path} 的各个版本：`];
  h.versions.forEach((v, i) => {
    const label = `${versionLabel(v.version)}${v.current ? '，现行' : ''}`;
    const before = h.versions[i - 1];
    if (!v.clause) {
      lines.push(`· ${label}：${before?.clause ? '本条被删除' : '没有本条'}`);
    } else if (i === 0 || !before?.clause) {
      lines.push(`· ${label}：${i === 0 ? '' : '新增 '}${clauseUnits(v.clause)}「${v.clause.text}」`);
    } else if (!v.change) {
      lines.push(`· ${label}：没有变化`);
    } else {
      lines.push(`· ${label}：${[...unitLines(v.change), ...otherLines(v.change)].join('；')}`);
    }
  });
  return lines.join('\n');
}

/** Did the clause ever change? One short answer for chat. */
export function summariseClauseHistory(h: ClauseHistory): string {
  const changes = h.versions.filter((v, i) => i > 0 && (v.change || !v.clause !== !h.versions[i - 1]?.clause));
  if (h.versions.length < 2) {
    const only = h.versions[0];
    return `${h.document.shortName} ${h.path} 没有改过：${only ? versionLabel(only.version) : ''}是唯一的版本。`;
  }
  if (changes.length === 0) {
    return `${h.document.shortName} ${h.path} 没有改过（${h.versions.map((v) => v.version.version ?? '未记版本').join('、')} 都相同）。`;
  }
  return `${h.document.shortName} ${h.path} 改过 ${changes.length} 次。\n${formatClauseHistory(h)}`;
}

function unitLines(c: ClauseChanged<Clause>): string[] {
  const out: string[] = [];
  const role = (name: string, u: UnitChange | undefined, now: string[]) => {
    if (!u) return;
    const parts = [...u.added.map((n) => `增加${n}`), ...u.removed.map((n) => `去掉${n}`)];
    out.push(`${name}${parts.join('、')}（现为：${now.join('、') || '无'}）`);
  };
  role('负责：', c.lead, c.after.lead);
  role('配合：', c.cooperate, c.after.cooperate);
  return out;
}

function otherLines(c: ClauseChanged<Clause>): string[] {
  const out: string[] = [];
  if (c.pathChanged) out.push(`编号 ${c.before.path} 改为 ${c.after.path}`);
  if (c.textChanged) out.push(`文字：${describeEdit(c.before.text, c.after.text)}`);
  return out;
}

function describeEdit(from: string, to: string): string {
  const e = textEdit(from, to);
  const where = e.before ? `（在「…${e.before}」之后）` : '（在开头）';
  if (!e.removed) return `加入「${e.added}」${where}`;
  if (!e.added) return `删去「${e.removed}」${where}`;
  return `「${e.removed}」改为「${e.added}」${where}`;
}

function clauseUnits(c: Clause): string {
  const parts = [];
  if (c.lead.length) parts.push(`负责：${c.lead.join('、')}`);
  if (c.cooperate.length) parts.push(`配合：${c.cooperate.join('、')}`);
  return parts.length ? `${parts.join('；')} ` : '';
}
