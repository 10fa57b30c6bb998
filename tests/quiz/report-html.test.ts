// The trainer report: a week of daily questions played through the real handler, written by
// `npm run quiz -- report`, opened in headless Chromium. Its tables and charts must show the figures
// worked out here from what was played; the screenshot must show the bars; it must print to PDF;
// nothing in it may come from the network. REPORT_SCREENSHOT=docs/trainer-report.png keeps the picture.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuizCli } from '../../src/cli/quiz.js';
import { renderReportHtml } from '../../src/quiz/report-html.js';
import type { ReportData } from '../../src/quiz/report-data.js';
import { dayStart, weekStart } from '../../src/quiz/zoned-time.js';
import { databasePath, openDatabase } from '../../src/store/open-database.js';
import { dumpDom, printToPdf, readPng, screenshot } from '../support/chromium.js';
import { createHarness, realKb } from './quiz-harness.js';
import { PLAN, TIME_ZONE, playWeek, type ReportFixture } from './report-fixture.js';

let fixture: ReportFixture;
let work: string;
let reportFile: string;
let dom: string;
const pct = (a: number, b: number) => `${Math.round((100 * a) / b)}%`;
const unitOf = (short: string) => realKb().units.find((u) => u.name === short || u.aliases.includes(short))!.name;

beforeAll(async () => {
  fixture = await playWeek();
  work = mkdtempSync(join(tmpdir(), 'fanguai-report-out-'));
  reportFile = join(work, 'report.html');
  const said: string[] = [];
  const sink = { write: (s: string) => said.push(s) };
  expect(runQuizCli(['report', '--out', reportFile, '--data-dir', fixture.dataDir], { QUIZ_TIME_ZONE: TIME_ZONE }, sink, sink)).toBe(0);
  expect(said.join('')).toMatch(/^wrote the report \(4 people, \d+ answers\) to /u);
  dom = await dumpDom(reportFile);
}, 180_000);
afterAll(() => {
  rmSync(fixture.dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const unescape = (s: string) => s.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&');
/** The rows of a table in the rendered DOM, header first, as cell texts. */
function tableRows(id: string): string[][] {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`, 'u').exec(dom);
  if (!table) throw new Error(`no table ${id}`);
  return [...table[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/gu)].map((r) => [...r[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gu)].map((c) => unescape(c[1]!)));
}
/** The bars of a chart: label, value, and the drawn length (height or width). */
function bars(id: string, length: 'height' | 'width') {
  const svg = new RegExp(`<svg id="${id}"[\\s\\S]*?</svg>`, 'u').exec(dom);
  if (!svg) throw new Error(`no chart ${id}`);
  return [...svg[0].matchAll(/<rect class="bar" data-label="([^"]*)" data-value="([^"]*)"[^>]*?\s(?:height|width)="[^"]*"[^>]*>/gu)].map((m) => ({
    label: unescape(m[1]!),
    value: Number(m[2]),
    drawn: Number(new RegExp(`\\s${length}="([\\d.]+)"`, 'u').exec(m[0])![1]),
  }));
}

describe('the trainer report in Chromium', () => {
  it('shows participation per day as a chart and a table with the numbers played', () => {
    const expected = fixture.played.map((p) => [p.day, String(p.answers.length), String(p.answers.length), String(p.answers.filter((a) => a.correct).length), pct(p.answers.filter((a) => a.correct).length, p.answers.length)]);
    expect(tableRows('table-days')).toEqual([['日期', '答题人数', '答题次数', '答对', '正确率'], ...expected]);
    const chart = bars('chart-days', 'height');
    expect(chart.map((b) => [b.label, b.value])).toEqual(fixture.played.map((p) => [p.day.slice(5), p.answers.length]));
    // Bar heights are to scale.
    const tallest = Math.max(...chart.map((b) => b.value));
    const unit = chart.find((b) => b.value === tallest)!.drawn / tallest;
    for (const b of chart) expect(b.drawn).toBeCloseTo(b.value * unit, 0);
  });

  it('shows each person’s accuracy and streak', () => {
    const rows = tableRows('table-people');
    expect(rows[0]).toEqual(['姓名', '平台', '单位', '答题', '答对', '正确率', '得分', '连续答对（天）', '最长连续（天）', '最近答题']);
    for (const p of Object.values(PLAN)) {
      const answered = [...p.days].filter((d) => d !== '-').length;
      const right = [...p.days].filter((d) => d === 'R').length;
      // The run of R ending today, or yesterday when today is not (yet) right.
      const upTo = p.days.endsWith('R') ? p.days : p.days.slice(0, -1);
      const streak = /R*$/u.exec(upTo)![0].length;
      const best = Math.max(...p.days.split(/[^R]/u).map((run) => run.length));
      const row = rows.find((r) => r[0] === p.name);
      expect(row, p.name).toEqual([p.name, 'wechat', p.unit ? unitOf(p.unit) : '—', String(answered), String(right), pct(right, answered), String(10 * right), String(streak), String(best), expect.any(String)]);
    }
    const chart = bars('chart-people', 'width');
    expect(chart.find((b) => b.label === 'Alice')!.value).toBe(100);
    expect(chart.find((b) => b.label === 'Bob')!.value).toBe(40);
    expect(chart.find((b) => b.label === 'Dan')!.drawn).toBe(0);
    expect(chart.find((b) => b.label === 'Bob')!.drawn / chart.find((b) => b.label === 'Alice')!.drawn).toBeCloseTo(0.4, 2);
  });

  it('lists the clauses most often answered wrong with the wrong units chosen', () => {
    const wrong = fixture.played
      .map((p) => ({ path: p.q.clausePath, answers: p.answers.length, wrong: p.answers.filter((a) => !a.correct) }))
      .filter((c) => c.wrong.length > 0);
    const rows = tableRows('table-weak');
    expect(rows[0]).toEqual(['条款', '开头', '答错', '作答', '错误率', '选错的单位']);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(wrong.map((c) => c.path).sort());
    // Most wrong first.
    expect(rows.slice(1).map((r) => Number(r[2]))).toEqual(wrong.map((c) => c.wrong.length).sort((a, b) => b - a));
    for (const c of wrong) {
      const row = rows.find((r) => r[0] === c.path)!;
      expect(row[2]).toBe(String(c.wrong.length));
      expect(row[3]).toBe(String(c.answers));
      const chosen = new Map<string, number>();
      for (const w of c.wrong) chosen.set(w.chosen, (chosen.get(w.chosen) ?? 0) + 1);
      for (const [unit, n] of chosen) expect(row[5]).toContain(`${unit}×${n}`);
      expect(realKb().clauses.find((x) => x.path === c.path)!.text.startsWith(row[1]!.replace(/……$/u, ''))).toBe(true);
    }
    expect(bars('chart-weak', 'width').map((b) => [b.label, b.value]).sort()).toEqual(wrong.map((c) => [c.path, c.wrong.length]).sort());
  });

  it('shows accuracy per unit asked about and per unit of the people', () => {
    const asked = new Map<string, [number, number]>();
    for (const p of fixture.played) {
      const unit = p.q.options['ABCD'.indexOf(p.q.right)]!;
      const [n, ok] = asked.get(unit) ?? [0, 0];
      asked.set(unit, [n + p.answers.length, ok + p.answers.filter((a) => a.correct).length]);
    }
    const rows = tableRows('units-asked-table').slice(1);
    expect(rows.map((r) => r[0]).sort()).toEqual([...asked.keys()].sort());
    for (const [unit, [n, ok]] of asked) expect(rows.find((r) => r[0] === unit)).toEqual([unit, String(n), String(ok), pct(ok, n)]);
    expect(bars('units-asked-chart', 'width').map((b) => [b.label, b.value]).sort()).toEqual([...asked].map(([u, [n, ok]]) => [u, Math.round((100 * ok) / n)]).sort());

    const people = tableRows('units-people-table').slice(1);
    for (const p of Object.values(PLAN).filter((x) => x.unit)) {
      const answered = [...p.days].filter((d) => d !== '-').length;
      const right = [...p.days].filter((d) => d === 'R').length;
      expect(people.find((r) => r[0] === unitOf(p.unit!))).toEqual([unitOf(p.unit!), String(answered), String(right), pct(right, answered)]);
    }
  });

  it('draws the bars on screen, prints to PDF, and needs nothing from the network', async () => {
    const png = join(work, 'report.png');
    await screenshot(reportFile, png, 820, 2600);
    const image = readPng(png);
    expect(image.width).toBe(820);
    const count = (rgb: [number, number, number]) => {
      let n = 0;
      for (let y = 0; y < image.height; y += 2) for (let x = 0; x < image.width; x += 2) {
        const p = image.pixel(x, y);
        if (Math.abs(p[0] - rgb[0]) + Math.abs(p[1] - rgb[1]) + Math.abs(p[2] - rgb[2]) < 24) n++;
      }
      return n;
    };
    // Participation bars (blue), weak clauses (red), good accuracy (green): all visibly drawn.
    expect(count([0x2b, 0x6c, 0xb0])).toBeGreaterThan(2000);
    expect(count([0xc5, 0x30, 0x30])).toBeGreaterThan(500);
    expect(count([0x2f, 0x85, 0x5a])).toBeGreaterThan(500);
    if (process.env.REPORT_SCREENSHOT) copyFileSync(png, resolve(process.env.REPORT_SCREENSHOT));

    const pdf = join(work, 'report.pdf');
    await printToPdf(reportFile, pdf);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/gu) ?? []).length).toBeGreaterThanOrEqual(2);

    const html = readFileSync(reportFile, 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/iu);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//iu);
  }, 240_000);
});

describe('the report’s inputs', () => {
  it('escapes names and units from chat, and filters by --since and --group with clear errors for bad ones', async () => {
    const data: ReportData = {
      generatedAt: Date.now(), timeZone: TIME_ZONE, groups: [], totals: { answers: 1, correct: 0, people: 1, questions: 1 },
      days: [{ day: '2026-11-30', people: 1, answers: 1, correct: 0 }],
      people: [{ platform: 'wechat', personId: 'x', name: '<img src=x onerror=alert(1)>', answers: 1, correct: 0, points: 0, streak: 0, bestStreak: 0, unit: null, lastAt: Date.now() }],
      weakClauses: [{ clauseId: 'p', path: '二（一）1', opening: '"><script>alert(1)</script>', answers: 1, wrong: 1, wrongUnits: [{ unit: '<b>', count: 1 }] }],
      unitsAsked: [], unitsOfPeople: [],
    };
    const html = renderReportHtml(data);
    expect(html).not.toMatch(/<img|<script|<b>/u);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');

    const out: string[] = [];
    const sink = { write: (s: string) => out.push(s) };
    const file = join(work, 'since.html');
    const today = fixture.days.at(-1)!;
    expect(runQuizCli(['report', '--out', file, '--data-dir', fixture.dataDir, '--since', today], { QUIZ_TIME_ZONE: TIME_ZONE }, sink, sink)).toBe(0);
    const todays = fixture.played.at(-1)!.answers.length;
    expect(readFileSync(file, 'utf8')).toContain(`<b data-total="answers">${todays}</b>`);
    expect(runQuizCli(['report', '--out', file, '--data-dir', fixture.dataDir, '--group', 'nowhere'], {}, sink, sink)).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('<b data-total="answers">0</b>');
    expect(runQuizCli(['report', '--out', file, '--data-dir', fixture.dataDir, '--group', '群training'], {}, sink, sink)).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(`<b data-total="answers">${fixture.played.reduce((n, p) => n + p.answers.length, 0)}</b>`);

    out.length = 0;
    expect(runQuizCli(['report', '--data-dir', fixture.dataDir, '--since', '2026-02-30'], {}, sink, sink)).toBe(2);
    expect(out.join('')).toBe('--since must be a date YYYY-MM-DD (got "2026-02-30")\n');
    out.length = 0;
    expect(runQuizCli(['report', '--data-dir', fixture.dataDir], { QUIZ_TIME_ZONE: 'Mars/Base' }, sink, sink)).toBe(2);
    expect(out.join('')).toBe('QUIZ_TIME_ZONE must be an IANA time zone such as Asia/Shanghai (got "Mars/Base")\n');
    out.length = 0;
    expect(runQuizCli(['report', '--data-dir', join(work, 'none')], {}, sink, sink)).toBe(1);
    expect(out.join('')).toMatch(/^no quiz data: .* does not exist/u);
    expect(dayStart('2026-12-01', TIME_ZONE)).toBe(Date.parse('2026-11-30T16:00:00Z'));
  });

  it('gives trainers the five weakest clauses and this week’s board in chat, and nobody else', async () => {
    const h = createHarness({ db: openDatabase(databasePath(fixture.dataDir)), adminIds: ['wechat:wx_trainer'], timeZone: TIME_ZONE, now: Date.now() });
    try {
      const room = (id: string) => ({ id, name: id, conversationId: 'training', isGroup: true, mention: true });
      const report = (await h.say(room('wx_trainer'), '/quiz report')).join('\n');
      const lines = report.split('\n');
      expect(lines.length).toBeLessThanOrEqual(16);
      const total = fixture.played.reduce((n, p) => n + p.answers.length, 0);
      expect(lines[0]).toMatch(new RegExp(`^培训报告（本群，共4人答题${total}次，正确率\\d+%）$`, 'u'));
      const worst = fixture.played.filter((p) => p.answers.some((a) => !a.correct)).sort((a, b) => b.answers.filter((x) => !x.correct).length - a.answers.filter((x) => !x.correct).length)[0]!;
      expect(lines[2]).toContain(`1. ${worst.q.clausePath} 错${worst.answers.filter((a) => !a.correct).length}/${worst.answers.length}次，常选错：`);
      // This week's board: from Monday 00:00 in the quiz time zone, worked out from what was played.
      const monday = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(weekStart(Date.now(), TIME_ZONE)));
      const week = new Map<string, { points: number; right: number; answered: number }>();
      for (const p of fixture.played.filter((x) => x.day >= monday)) {
        for (const a of p.answers) {
          const w = week.get(PLAN[a.personId]!.name) ?? { points: 0, right: 0, answered: 0 };
          w.answered += 1;
          if (a.correct) (w.right += 1), (w.points += 10);
          week.set(PLAN[a.personId]!.name, w);
        }
      }
      const boardAt = lines.findIndex((l) => l.startsWith('本周排行榜（'));
      const board = lines.slice(boardAt + 1, -1).map((l) => /^\d+\. (\S+) (\d+)分（答对(\d+)\/(\d+)）$/u.exec(l)!);
      expect(new Map(board.map((m) => [m[1]!, { points: Number(m[2]), right: Number(m[3]), answered: Number(m[4]) }]))).toEqual(week);
      expect(board.map((m) => Number(m[2]))).toEqual(board.map((m) => Number(m[2])).sort((a, b) => b - a));
      expect((await h.say(room('wx_bob'), '/quiz report')).join('\n')).toBe('只有管理员（培训负责人）可以看培训报告。');
    } finally {
      h.quiz.close();
      h.db.close();
    }
  });
});
