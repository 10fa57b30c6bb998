// `npm run quiz -- export [--out file.csv] [--data-dir DIR]`: the quiz scores as CSV for trainers
// (one line per person per group), read from DATA_DIR/assistant.sqlite.
// `npm run quiz -- backup [--out file] [--data-dir DIR]`: an online backup of that file.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toCsv } from '../quiz/export-csv.js';
import { createQuizStore } from '../quiz/quiz-store.js';
import { databasePath, openDatabase } from '../store/open-database.js';
import { isMain } from './is-main.js';
import { runBackup } from './quiz-backup.js';

type Out = { write(s: string): unknown };

const USAGE = `usage: npm run quiz -- export [--out file.csv] [--data-dir DIR]
       npm run quiz -- backup [--out file] [--data-dir DIR]
  export   write the scores as CSV (platform, group, person, points, answered, correct, last played)
           to --out, or to standard output
  backup   copy the database (scores, misses) with SQLite's online backup, safe while the assistant
           runs, to --out or to DATA_DIR/backups/assistant-manual-<time>.sqlite
options: --data-dir <folder with assistant.sqlite> (default: DATA_DIR or ./data)
`;

export function runQuizCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: Out = process.stdout,
  err: Out = process.stderr,
): number | Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (!a.startsWith('--') || rest[i + 1] === undefined) {
      err.write(`unexpected argument ${a}\n${USAGE}`);
      return 2;
    }
    flags.set(a.slice(2), rest[++i] as string);
  }
  if (command === 'backup') return runBackup(flags, env, err);
  if (command !== 'export') {
    (command === undefined || command === 'help' ? out : err).write(USAGE);
    return command === undefined || command === 'help' ? 0 : 2;
  }
  const file = databasePath(resolve(flags.get('data-dir') ?? env.DATA_DIR ?? 'data'));
  // Exporting must not create an empty database where none was: say so instead.
  if (!existsSync(file)) {
    err.write(`no quiz data: ${file} does not exist (is DATA_DIR right?)\n`);
    return 1;
  }
  const db = openDatabase(file);
  try {
    const rows = createQuizStore(db).exportRows();
    const csv = toCsv(rows);
    const target = flags.get('out');
    if (target) {
      writeFileSync(target, csv);
      err.write(`wrote ${rows.length} rows to ${target}\n`);
    } else {
      out.write(csv);
    }
    return 0;
  } finally {
    db.close();
  }
}

if (isMain(import.meta.url)) {
  void Promise.resolve(runQuizCli(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
