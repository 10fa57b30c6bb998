// `npm run kb -- <command>`: the administrator's tools for the knowledge files.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diffKnowledge, formatDiff } from '../knowledge/diff.js';
import { DEFAULT_LIMITS } from '../knowledge/limits.js';
import { checkKnowledge, formatProblem, isSourcePath } from '../knowledge/load.js';
import { loadKnowledgeOffThread } from '../knowledge/load-off-thread.js';
import { parseYaml } from '../knowledge/parse-yaml.js';
import { readKnowledgeFile } from '../knowledge/read-file.js';
import { checkRegression } from '../core/regression.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { renderDocumentText } from '../knowledge/render-document.js';
import { readServedSnapshot } from '../knowledge/served-snapshot.js';
import { isAnnotation, splitSentences } from '../knowledge/source-sentences.js';
import { formatExplanation } from '../admin/format-explanation.js';
import { formatMisses } from '../admin/format-misses.js';
import { createAssistant } from '../core/assistant.js';
import { createMissStore } from '../store/misses.js';
import { databasePath, openDatabase } from '../store/open-database.js';
import { storageDirsOrSay } from '../config/storage-dirs.js';
import { parseOrSayUsage, startCli, usageLine } from './command-line.js';
import { isMain } from './is-main.js';
import { draftCommand } from './kb-draft.js';
import { changesCommand, historyCommand, replaceCommand } from './kb-versions.js';

type Out = { write(s: string): unknown };

const USAGE = `usage: npm run kb -- <command> [options]
  check                      validate the knowledge files and prove them against their sources
  sentences [doc-id]         list the numbered source sentences that provenance cites
  draft <file> [--id ID] [--title T] [--short-name S] [--level 省|市|县] [--prefix P]
                             turn a new document into a draft in knowledge/drafts/
                             (.docx and .pdf text layers too; --version 文号 --effective YYYY-MM-DD)
  replace <new-version.yaml> put a new version of a document in place; the old one moves to knowledge/archive/
  history <clause> [--doc D] a clause's versions (by number 二（一）3（1） or id)
  changes <doc-id> [--from V --to V]
                             what changed between two versions (default: the previous and the current)
  render <doc-id>            print a curated document as clean text
  diff [--data-dir DIR]      what changed between the knowledge being served and the files
  misses [--since YYYY-MM-DD] [--json] [--data-dir DIR]
                             questions the bot could not answer or people flagged, most frequent first
  test "问题" [--json]        hit testing: the ranked clauses, scores and matched terms behind an answer
options: --dir <knowledge folder> (default: KNOWLEDGE_DIR or ./knowledge)
`;

interface Flags {
  [name: string]: string | undefined;
}

const OPTIONS = {
  dir: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  since: { type: 'string' },
  id: { type: 'string' },
  title: { type: 'string' },
  'short-name': { type: 'string' },
  level: { type: 'string' },
  prefix: { type: 'string' },
  version: { type: 'string' },
  effective: { type: 'string' },
  doc: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const SHORT_USAGE = 'npm run kb -- check|sentences|draft|replace|history|changes|render|diff|misses|test [options] (npm run kb -- help)';

/** The exit code; a Promise of it for `check` (it loads on a worker thread, within a time limit) and for commands that read a Word or PDF file. */
export function runKb(
  argv: string[],
  out: Out = process.stdout,
  err: Out = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): number | Promise<number> {
  const parsed = parseOrSayUsage(argv, OPTIONS, { name: 'kb', usage: SHORT_USAGE }, err);
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  const flags: Flags = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === true ? 'true' : v === false ? undefined : v]));
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    out.write(USAGE);
    return 0;
  }
  const dirs = storageDirsOrSay(env, err);
  if (!dirs) return 2;
  const dir = flags.dir ? resolve(flags.dir) : dirs.knowledgeDir;
  const dataDir = flags['data-dir'] ? resolve(flags['data-dir']) : dirs.dataDir;
  switch (command) {
    case 'check':
      return check(dir, out, err);
    case 'sentences':
      return sentences(dir, rest[0], out, err);
    case 'draft':
      return draft(dir, rest[0], flags, out, err);
    case 'render':
      return render(dir, rest[0], out, err);
    case 'replace':
      return replaceCommand(dir, rest[0], out, err);
    case 'history': {
      const kb = validKnowledge(dir, err);
      return kb ? historyCommand(kb, rest.join(' '), flags.doc, out, err) : 1;
    }
    case 'changes': {
      const kb = validKnowledge(dir, err);
      const range = { ...(flags.from ? { from: flags.from } : {}), ...(flags.to ? { to: flags.to } : {}) };
      return kb ? changesCommand(kb, rest[0], range, out, err) : 1;
    }
    case 'diff':
      return diff(dir, dataDir, out, err);
    case 'misses':
      return misses(dataDir, flags, out, err);
    case 'test':
      return hitTest(dir, rest.join(' '), flags, out, err);
    default:
      err.write(usageLine(`kb: unknown command ${command}`, SHORT_USAGE));
      return 2;
  }
}

/** The knowledge base, or null after writing its problems (each command needs valid files). */
function validKnowledge(dir: string, err: Out, why?: string): KnowledgeBase | null {
  const { kb, problems } = checkKnowledge(dir);
  if (kb) return kb;
  if (why) err.write(why + '\n');
  for (const p of problems) err.write(formatProblem(p) + '\n');
  return null;
}

async function check(dir: string, out: Out, err: Out): Promise<number> {
  const report = await loadKnowledgeOffThread(dir);
  const kb = report.kb;
  let problems = report.problems;
  let saved = 0;
  if (kb && problems.length === 0) {
    // Saved questions (knowledge/regression.yaml) must keep their answers under these files.
    saved = report.regression?.length ?? 0;
    problems = checkRegression(report.regression ?? [], createAssistant({ kb }));
  }
  if (!kb || problems.length > 0) {
    for (const p of problems) err.write(formatProblem(p) + '\n');
    err.write(`kb check: ${problems.length} problem(s); the knowledge base is not valid\n`);
    return 1;
  }
  for (const w of report.warnings ?? []) err.write(`warning: ${formatProblem(w)}\n`);
  const withUnits = kb.clauses.filter((c) => c.lead.length > 0).length;
  out.write(
    `kb check: OK — ${kb.documents.length} document(s), ${kb.clauses.length} clauses ` +
      `(${withUnits} with responsible units), ${kb.units.length} units, ` +
      `${saved} saved question(s) answered as before, version ${kb.version}\n`,
  );
  return 0;
}

function sentences(dir: string, docId: string | undefined, out: Out, err: Out): number {
  // Reads only the document headers, so it works even while a clause is being fixed; every file
  // through the loader's bounded reader.
  const budget = { maxFileBytes: DEFAULT_LIMITS.maxFileBytes, maxTotalBytes: DEFAULT_LIMITS.maxTotalBytes, remaining: DEFAULT_LIMITS.maxTotalBytes };
  const docDir = join(dir, 'documents');
  const names = existsSync(docDir) ? readdirSync(docDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  const ids: string[] = [];
  for (const f of names) {
    const read = readKnowledgeFile(dir, join(docDir, f), budget);
    const parsed = read.ok ? parseYaml(read.text, DEFAULT_LIMITS) : undefined;
    if (!parsed?.ok) {
      err.write(`knowledge/documents/${f}: not readable; run \`npm run kb -- check\`\n`);
      continue;
    }
    const header = (parsed.data as { document?: { id?: unknown; source?: unknown } } | null)?.document;
    if (typeof header?.id === 'string') ids.push(header.id);
    if (typeof header?.source !== 'string' || (docId && header.id !== docId)) continue;
    if (!isSourcePath(header.source)) {
      err.write(`knowledge/documents/${f}: source must be under knowledge/sources/; run \`npm run kb -- check\`\n`);
      continue;
    }
    const source = readKnowledgeFile(join(dir, 'sources'), join(dir, header.source), budget, 'knowledge/sources/');
    if (!source.ok) {
      err.write(`knowledge/${header.source} ${source.message}\n`);
      continue;
    }
    out.write(`# ${String(header.id)} (${header.source})\n`);
    splitSentences(source.text).forEach((s, i) => {
      out.write(`${i}\t${isAnnotation(s) ? '[annotation] ' : ''}${s}\n`);
    });
  }
  if (docId && !ids.includes(docId)) {
    err.write(`kb sentences: no document ${docId}; documents: ${ids.join(', ') || '(none)'}\n`);
    return 2;
  }
  return 0;
}

function draft(dir: string, file: string | undefined, flags: Flags, out: Out, err: Out): number | Promise<number> {
  if (!file) {
    err.write(usageLine('kb draft: which file?', 'npm run kb -- draft <file> [--id ID] [--title T] [--short-name S] [--level 省|市|县] [--prefix P]'));
    return 2;
  }
  const kb = validKnowledge(dir, err, 'kb draft: the current knowledge files have problems; fix them first (npm run kb -- check)');
  if (!kb) return 1;
  return draftCommand(dir, file, kb, flags, out, err);
}

function render(dir: string, docId: string | undefined, out: Out, err: Out): number {
  const kb = validKnowledge(dir, err);
  if (!kb) return 1;
  const id = docId ?? kb.documents[0]?.id;
  if (!id || !kb.documents.some((d) => d.id === id)) {
    err.write(`kb render: no document ${docId}; documents: ${kb.documents.map((d) => d.id).join(', ')}\n`);
    return 2;
  }
  out.write(renderDocumentText(kb, id));
  return 0;
}

function diff(dir: string, dataDir: string, out: Out, err: Out): number {
  const served = readServedSnapshot(dataDir);
  if (!served) {
    err.write(`kb diff: nothing is being served from ${dataDir} yet (no ${join(dataDir, 'served-knowledge.json')}); start the assistant first\n`);
    return 2;
  }
  const kb = validKnowledge(dir, err, 'kb diff: the files have problems, so they could not go live as they are:');
  if (!kb) return 1;
  out.write(`served: version ${served.version}, loaded ${served.loadedAt}; files: version ${kb.version}\n`);
  out.write(formatDiff(diffKnowledge(served, kb)) + '\n');
  return 0;
}

function misses(dataDir: string, flags: Flags, out: Out, err: Out): number {
  let since: Date | undefined;
  if (flags.since !== undefined) {
    since = new Date(flags.since);
    if (!/^\d{4}-\d{2}-\d{2}/.test(flags.since) || Number.isNaN(since.getTime())) {
      err.write(`kb misses: --since must be a date such as 2026-01-31 (got ${flags.since})\n`);
      return 2;
    }
  }
  const file = databasePath(dataDir);
  // Listing must not create a database where the assistant never ran.
  if (!existsSync(file)) {
    out.write(flags.json ? '[]\n' : `no unanswered or flagged questions (no ${file} yet)\n`);
    return 0;
  }
  const db = openDatabase(file);
  try {
    const list = createMissStore(db).summary(since ? { since } : {});
    out.write(flags.json ? `${JSON.stringify(list)}\n` : `${formatMisses(list, since)}\n`);
  } finally {
    db.close();
  }
  return 0;
}

function hitTest(dir: string, question: string, flags: Flags, out: Out, err: Out): number {
  if (!question.trim()) {
    err.write(usageLine('kb test: which question?', 'npm run kb -- test "问题" [--json]'));
    return 2;
  }
  const kb = validKnowledge(dir, err);
  if (!kb) return 1;
  const explanation = createAssistant({ kb }).explain(question);
  out.write(flags.json ? `${JSON.stringify(explanation)}\n` : `${formatExplanation(explanation)}\n`);
  return 0;
}

if (isMain(import.meta.url)) {
  startCli();
  void Promise.resolve(runKb(process.argv.slice(2))).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // One line, never a stack trace.
      process.stderr.write(`kb: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`);
      process.exitCode = 1;
    },
  );
}
