// The trainer report as one self-contained HTML file: inline CSS and SVG charts, no scripts and
// nothing fetched, so it opens anywhere offline and prints cleanly to PDF (print CSS below).
// Every name and text comes from chat or disk and is escaped.
import type { ReportData, UnitRow } from './report-data.js';
import { localDay } from './zoned-time.js';

const esc = (s: string | number): string =>
  String(s).replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
/** Names come from chat: long ones are cut so a table stays a table. */
const short = (s: string, max = 24): string => (s.length > max ? `${s.slice(0, max)}…` : s);
const pct = (correct: number, answers: number): number => (answers === 0 ? 0 : Math.round((100 * correct) / answers));

const COLORS = { bar: '#2b6cb0', good: '#2f855a', weak: '#c53030', grid: '#d9dee5', text: '#1a202c', muted: '#5a6473' };

/** Vertical bars: one per day, its value written above it. */
function columnChart(id: string, items: Array<{ label: string; value: number; note?: string }>, unit: string): string {
  const width = 720;
  const height = 220;
  const top = 24;
  const bottom = 40;
  const left = 36;
  const max = Math.max(1, ...items.map((i) => i.value));
  const slot = (width - left - 8) / Math.max(1, items.length);
  const barWidth = Math.max(4, Math.min(48, slot * 0.7));
  const scale = (v: number) => ((height - top - bottom) * v) / max;
  const every = Math.ceil(items.length / 14);
  const bars = items
    .map((item, i) => {
      const h = scale(item.value);
      const x = left + i * slot + (slot - barWidth) / 2;
      const y = height - bottom - h;
      const label = i % every === 0 ? `<text x="${x + barWidth / 2}" y="${height - bottom + 16}" text-anchor="middle" class="axis">${esc(item.label)}</text>` : '';
      return `<g class="bar-group"><rect class="bar" data-label="${esc(item.label)}" data-value="${item.value}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS.bar}"><title>${esc(item.label)}：${item.value}${esc(unit)}${item.note ? `，${esc(item.note)}` : ''}</title></rect><text x="${x + barWidth / 2}" y="${y - 5}" text-anchor="middle" class="value">${item.value}</text>${label}</g>`;
    })
    .join('');
  return `<svg id="${id}" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(unit)}">
<line x1="${left}" y1="${height - bottom}" x2="${width - 4}" y2="${height - bottom}" stroke="${COLORS.grid}"/>${bars}</svg>`;
}

/** Horizontal bars with a label on the left and the value on the right; `max` fixes the scale (100 for percentages). */
function barChart(id: string, items: Array<{ label: string; value: number; text: string; color?: string }>, max?: number): string {
  const width = 720;
  const row = 24;
  const labelWidth = 250;
  const valueWidth = 90;
  const height = row * items.length + 8;
  const top = Math.max(1, max ?? Math.max(...items.map((i) => i.value)));
  const room = width - labelWidth - valueWidth;
  const bars = items
    .map((item, i) => {
      const y = 4 + i * row;
      const w = (room * item.value) / top;
      return `<g class="bar-group"><text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" class="label">${esc(short(item.label, 22))}</text><rect class="bar" data-label="${esc(item.label)}" data-value="${item.value}" x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}" fill="${item.color ?? COLORS.bar}"><title>${esc(item.label)}：${esc(item.text)}</title></rect><text x="${labelWidth + w + 6}" y="${y + 16}" class="value">${esc(item.text)}</text></g>`;
    })
    .join('');
  return `<svg id="${id}" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">${bars}</svg>`;
}

function table(id: string, head: string[], rows: Array<Array<string | number>>, numeric: number[]): string {
  const cell = (v: string | number, i: number, tag: 'td' | 'th') => `<${tag}${numeric.includes(i) ? ' class="num"' : ''}>${esc(v)}</${tag}>`;
  return `<table id="${id}"><thead><tr>${head.map((h, i) => cell(h, i, 'th')).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((v, i) => cell(v, i, 'td')).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const empty = (what: string) => `<p class="empty">${esc(what)}</p>`;

function unitSection(id: string, title: string, rows: UnitRow[], explain: string): string {
  if (rows.length === 0) return `<section id="${id}"><h2>${esc(title)}</h2>${empty(explain)}</section>`;
  const chart = barChart(
    `${id}-chart`,
    rows.slice(0, 25).map((u) => ({ label: u.unit, value: pct(u.correct, u.answers), text: `${pct(u.correct, u.answers)}%（${u.correct}/${u.answers}）`, color: pct(u.correct, u.answers) < 60 ? COLORS.weak : COLORS.good })),
    100,
  );
  return `<section id="${id}"><h2>${esc(title)}</h2><p class="note">${esc(explain)}</p>${chart}${table(
    `${id}-table`,
    ['单位', '答题', '答对', '正确率'],
    rows.map((u) => [u.unit, u.answers, u.correct, `${pct(u.correct, u.answers)}%`]),
    [1, 2, 3],
  )}</section>`;
}

export function renderReportHtml(data: ReportData): string {
  const day = (ms: number) => localDay(ms, data.timeZone);
  const scope = [
    data.group ? `群：${data.group}` : `全部群（${data.groups.length}个）`,
    data.since !== undefined ? `自 ${day(data.since)} 起` : '全部时间',
    `时区 ${data.timeZone}`,
  ].join(' · ');
  const t = data.totals;

  const days =
    data.days.length === 0
      ? empty('这段时间没有人答题。')
      : columnChart('chart-days', data.days.map((d) => ({ label: d.day.slice(5), value: d.people, note: `答题${d.answers}次，答对${d.correct}次` })), '人') +
        table('table-days', ['日期', '答题人数', '答题次数', '答对', '正确率'], data.days.map((d) => [d.day, d.people, d.answers, d.correct, `${pct(d.correct, d.answers)}%`]), [1, 2, 3, 4]);

  const people =
    data.people.length === 0
      ? empty('还没有人答题。')
      : barChart(
          'chart-people',
          data.people.slice(0, 25).map((p) => ({ label: p.name, value: pct(p.correct, p.answers), text: `${pct(p.correct, p.answers)}%（${p.correct}/${p.answers}）`, color: pct(p.correct, p.answers) < 60 ? COLORS.weak : COLORS.good })),
          100,
        ) +
        table(
          'table-people',
          ['姓名', '平台', '单位', '答题', '答对', '正确率', '得分', '连续答对（天）', '最长连续（天）', '最近答题'],
          data.people.map((p) => [short(p.name, 40), p.platform, p.unit ?? '—', p.answers, p.correct, `${pct(p.correct, p.answers)}%`, p.points, p.streak, p.bestStreak, day(p.lastAt)]),
          [3, 4, 5, 6, 7, 8],
        );

  const weak = data.weakClauses.slice(0, 15);
  const clauses =
    weak.length === 0
      ? empty('没有答错的条款。')
      : barChart('chart-weak', weak.map((c) => ({ label: c.path, value: c.wrong, text: `错${c.wrong}次/${c.answers}（${pct(c.wrong, c.answers)}%）`, color: COLORS.weak }))) +
        table(
          'table-weak',
          ['条款', '开头', '答错', '作答', '错误率', '选错的单位'],
          weak.map((c) => [c.path, c.opening ?? '', c.wrong, c.answers, `${pct(c.wrong, c.answers)}%`, c.wrongUnits.map((u) => `${u.unit}×${u.count}`).join('、') || '—']),
          [2, 3, 4],
        );

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>反拐培训答题报告 ${esc(day(data.generatedAt))}</title>
<style>
  :root { color: ${COLORS.text}; font-family: "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; }
  body { margin: 24px auto; max-width: 780px; padding: 0 16px; line-height: 1.5; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 2px solid ${COLORS.grid}; padding-bottom: 4px; }
  .meta, .note, .empty { color: ${COLORS.muted}; font-size: 13px; }
  .kpis { display: flex; gap: 12px; margin: 16px 0; }
  .kpi { flex: 1; border: 1px solid ${COLORS.grid}; border-radius: 6px; padding: 8px 12px; }
  .kpi b { display: block; font-size: 22px; }
  .kpi span { color: ${COLORS.muted}; font-size: 12px; }
  svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0; }
  svg text { font-size: 12px; fill: ${COLORS.text}; }
  svg text.axis { fill: ${COLORS.muted}; font-size: 11px; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0 0; }
  th, td { border-bottom: 1px solid ${COLORS.grid}; padding: 4px 6px; text-align: left; vertical-align: top; }
  th { background: #f4f6f9; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  @page { size: A4; margin: 14mm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    h2 { break-after: avoid; }
    svg.chart, tr, .kpis { break-inside: avoid; }
    thead { display: table-header-group; }
  }
</style>
</head>
<body>
<header>
<h1>反拐培训答题报告</h1>
<p class="meta">${esc(scope)} · 生成于 ${esc(day(data.generatedAt))}</p>
<div class="kpis" id="totals">
  <div class="kpi"><b data-total="people">${t.people}</b><span>参与人数</span></div>
  <div class="kpi"><b data-total="answers">${t.answers}</b><span>答题次数</span></div>
  <div class="kpi"><b data-total="accuracy">${pct(t.correct, t.answers)}%</b><span>正确率（${t.correct}/${t.answers}）</span></div>
  <div class="kpi"><b data-total="questions">${t.questions}</b><span>出题数</span></div>
</div>
</header>
<section id="days"><h2>每天参与</h2><p class="note">柱高为当天答题人数。</p>${days}</section>
<section id="people"><h2>个人正确率与连续答对</h2><p class="note">连续答对：到今天（或昨天）为止连续有答对的天数。</p>${people}</section>
<section id="weak"><h2>最常答错的条款</h2><p class="note">按答错次数排列；「选错的单位」是大家选错的答案。</p>${clauses}</section>
${unitSection('units-asked', '各单位职责的正确率', data.unitsAsked, '按题目的正确答案（被问到的单位）统计：正确率低说明大家对该单位的职责不熟。')}
${unitSection('units-people', '各单位人员的正确率', data.unitsOfPeople, '按答题人自报的单位（「我是民政厅的」）统计；没有人报单位时为空。')}
</body>
</html>
`;
}
