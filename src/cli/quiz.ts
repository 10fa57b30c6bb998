// `npm run quiz -- export|report|backup …`: the quiz data for trainers, read from DATA_DIR/assistant.sqlite.
//   export  the scores as CSV (one line per person per group)
//   report  one self-contained HTML file with charts and tables (src/quiz/report-html.ts)
//   backup  an online backup of that file (quiz-backup.ts)
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadKnowledgeBase } from '../knowledge/load.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { toCsv } from '../quiz/export-csv.js';
import { createQuizStore } from '../quiz/quiz-store.js';
import { buildReport } from '../quiz/report-data.js';
import { renderReportHtml } from '../quiz/report-html.js';
import { DEFAULT_TIME_ZONE, dayStart, isTimeZone } from '../quiz/zoned-time.js';
import { databasePath, openDatabase, type Db } from '../store/open-database.js';
import { storageDirsOrSay, type StorageDirs } from '../config/storage-dirs.js';
import { parseOrSayUsage, startCli, usageLine } from './command-line.js';
import { isMain } from './is-main.js';
import { runBackup } from './quiz-backup.js';

type Out = { write(s: string): unknown };

const USAGE = `usage: npm run quiz -- export [--out file.csv] [--data-dir DIR]
       npm run quiz -- report [--out report.html] [--since YYYY-MM-DD] [--group NAME-OR-ID] [--data-dir DIR]
       npm run quiz -- backup [--out file] [--data-dir DIR]
  export   write the scores as CSV (platform, group, person, points, answered, correct, last played)
           to --out, or to standard output
  report   write the trainer report as one HTML file (charts and tables, no network needed, prints
           to PDF): participation per day, each person's accuracy and streak, the clauses most often
           answered wrong and the wrong units chosen, accuracy per unit
  backup   copy the database (scores, misses) with SQLite's online backup, safe while the assistant
           runs, to --out or to DATA_DIR/backups/assistant-manual-<time>.sqlite
options: --data-dir <folder with assistant.sqlite> (default: DATA_DIR or ./data)
         --since    only answers from that day on (in QUIZ_TIME_ZONE, default ${DEFAULT_TIME_ZONE})
         --group    only one group, by its name or conversation id
`;

const FLAGS: Record<string, string[]> = { export: ['out', 'data-dir'], report: ['out', 'data-dir', 'since', 'group'], backup: ['out', 'data-dir'] };

const OPTIONS = {
  out: { type: 'string' },
  'data-dir': { type: 'string' },
  since: { type: 'string' },
  group: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const SHORT_USAGE = 'npm run quiz -- export|report|backup [--out file] [--data-dir DIR] (npm run quiz -- help)';

export function runQuizCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: Out = process.stdout,
  err: Out = process.stderr,
): number | Promise<number> {
  const parsed = parseOrSayUsage(argv, OPTIONS, { name: 'quiz', usage: SHORT_USAGE }, err);
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help || command === undefined || command === 'help') {
    out.write(USAGE);
    return 0;
  }
  const allowed = FLAGS[command];
  const stray = allowed && Object.keys(values).find((name) => !allowed.includes(name));
  if (!allowed || extra.length > 0 || stray) {
    const problem = !allowed ? `unknown command ${command}` : stray ? `--${stray} does not go with ${command}` : `unexpected argument ${extra[0]}`;
    err.write(usageLine(`quiz: ${problem}`, SHORT_USAGE));
    return 2;
  }
  const dirs = storageDirsOrSay(env, err);
  if (!dirs) return 2;
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : dirs.dataDir;
  const flags = new Map<string, string>([['data-dir', dataDir]]);
  for (const name of ['out', 'since', 'group'] as const) if (values[name] !== undefined) flags.set(name, values[name]);
  if (command === 'backup') return runBackup(flags, env, err);
  const file = databasePath(dataDir);
  // Reading must not create an empty database where none was: say so instead.
  if (!existsSync(file)) {
    err.write(`no quiz data: ${file} does not exist (is DATA_DIR right?)\n`);
    return 1;
  }
  const timeZone = env.QUIZ_TIME_ZONE?.trim() || DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    err.write(`QUIZ_TIME_ZONE must be an IANA time zone such as Asia/Shanghai (got "${timeZone}")\n`);
    return 2;
  }
  let since: number | undefined;
  const sinceText = flags.get('since');
  if (sinceText !== undefined) {
    since = dayStart(sinceText, timeZone);
    if (since === undefined) {
      err.write(`--since must be a date YYYY-MM-DD (got "${sinceText}")\n`);
      return 2;
    }
  }
  const db = openDatabase(file);
  try {
    if (command === 'export') {
      const rows = createQuizStore(db).exportRows();
      return write(toCsv(rows), `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}`, flags.get('out'), out, err);
    }
    // Creates any table a database from before the report lacks (chosen units, daily questions).
    createQuizStore(db);
    const group = flags.get('group');
    const kb = knowledgeFor(dirs, err);
    const data = buildReport(db, { timeZone, now: Date.now(), ...(since !== undefined ? { since } : {}), ...(group ? { group } : {}), ...(kb ? { kb } : {}) });
    return write(renderReportHtml(data), `the report (${data.totals.people} people, ${data.totals.answers} answers)`, flags.get('out'), out, err);
  } finally {
    db.close();
  }
}

function write(text: string, what: string, target: string | undefined, out: Out, err: Out): number {
  if (!target) {
    out.write(text);
    return 0;
  }
  try {
    writeFileSync(target, text);
  } catch (error) {
    err.write(`cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 1;
  }
  err.write(`wrote ${what} to ${target}\n`);
  return 0;
}

/** Clause numbers for the report; without valid knowledge it still works, showing clause ids. */
function knowledgeFor(dirs: StorageDirs, err: Out): KnowledgeBase | undefined {
  const dir = dirs.knowledgeDir;
  try {
    return loadKnowledgeBase(dir);
  } catch (error) {
    err.write(`knowledge in ${dir} could not be loaded (${(error as Error).message.split('\n')[0]}); the report shows clause ids\n`);
    return undefined;
  }
}

if (isMain(import.meta.url)) {
  startCli();
  void Promise.resolve(runQuizCli(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
