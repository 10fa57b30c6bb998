// The assistant for one-shot commands, without re-validating unchanged knowledge on every call.
// Loading the knowledge (YAML, schema, proofs against the source text) costs more than answering;
// the validated knowledge base is kept as JSON under dist/cache/, named by a hash of every
// knowledge file and of the loader's own code, so an edit to either is never served stale.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Assistant } from '../core/assistant.js';
import { DEFAULT_LIMITS } from '../knowledge/limits.js';
import { knowledgeDir, projectRoot } from '../knowledge/paths.js';
import type { KnowledgeBase } from '../knowledge/types.js';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * What identifies one knowledge file: its bytes when it is a small regular file, else its kind,
 * size and time (never opened: a FIFO would block, /dev/zero never end; the loader reports them).
 */
function fingerprint(path: string): Buffer | string {
  const s = lstatSync(path);
  if (s.isFile() && s.size <= DEFAULT_LIMITS.maxFileBytes) return readFileSync(path);
  return `${s.mode} ${s.size} ${s.mtimeMs}`;
}

/** Hash of the knowledge files (names and bytes) and of the code that turns them into a KnowledgeBase. */
export function knowledgeCacheKey(dir: string): string {
  const hash = createHash('sha256').update(dir).update('\0');
  for (const f of filesUnder(dir)) hash.update(relative(dir, f)).update('\0').update(fingerprint(f)).update('\0');
  const loaderDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'knowledge');
  for (const f of filesUnder(loaderDir)) {
    const s = statSync(f);
    hash.update(`${relative(loaderDir, f)} ${s.size} ${s.mtimeMs}\0`);
  }
  return hash.digest('hex').slice(0, 24);
}

export function knowledgeCacheDir(): string {
  return join(projectRoot(), 'dist', 'cache');
}

/** The validated knowledge base: from the cache when the files are unchanged, else loaded (and cached). */
export async function loadCachedKnowledge(env: NodeJS.ProcessEnv = process.env): Promise<KnowledgeBase> {
  const dir = knowledgeDir(env.KNOWLEDGE_DIR);
  const file = join(knowledgeCacheDir(), `knowledge-${knowledgeCacheKey(dir)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as KnowledgeBase;
  } catch {
    // Not cached yet (or unreadable): load and validate as every other command does.
  }
  const { loadKnowledgeBase } = await import('../knowledge/load.js');
  const kb = loadKnowledgeBase(dir);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(kb));
    renameSync(`${file}.${process.pid}.tmp`, file);
    // Only the current knowledge is worth keeping; a process still reading an old file keeps it open.
    for (const old of readdirSync(dirname(file))) {
      if (/^knowledge-[0-9a-f]+\.json$/.test(old) && join(dirname(file), old) !== file) rmSync(join(dirname(file), old), { force: true });
    }
  } catch {
    // A read-only install still answers, only slower.
  }
  return kb;
}

export async function openCachedAssistant(env: NodeJS.ProcessEnv = process.env): Promise<Assistant> {
  const kb = await loadCachedKnowledge(env);
  const { createAssistant } = await import('../core/assistant.js');
  return createAssistant({ kb });
}
