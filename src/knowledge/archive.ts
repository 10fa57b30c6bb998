// Earlier versions of documents: knowledge/archive/<document id>/<effective date>.yaml, each with
// its own copy of the source it is proven against. `kb replace` writes them; the loader reads them
// like the live documents (same bounded reads, same proofs) and these checks keep them coherent.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { KnowledgeProblem } from './load.js';
import type { ArchivedDocument, DocumentInfo } from './types.js';

export const ARCHIVE_DIR = 'archive';

/** The archived document files, folder by folder (folders and .yaml files only; links are not followed). */
export function archiveFiles(dir: string): string[] {
  const root = join(dir, ARCHIVE_DIR);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .flatMap((folder) =>
      readdirSync(join(root, folder), { withFileTypes: true })
        .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
        .map((e) => join(root, folder, e.name))
        .sort(),
    );
}

export function archiveProblems(archive: ArchivedDocument[], documents: DocumentInfo[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const seen = new Map<string, string>();
  for (const a of archive) {
    const at = (message: string) => problems.push({ file: a.file, message });
    const folder = basename(dirname(a.file));
    if (a.info.id !== folder) at(`document id ${a.info.id} does not match its archive folder ${folder}`);
    if (!a.info.version || !a.info.effective) at('an archived version needs document.version and document.effective');
    const key = `${a.info.id}\u0000${a.info.version ?? ''}`;
    const other = seen.get(key);
    if (other) at(`version ${a.info.version} of ${a.info.id} is also archived in ${other}`);
    seen.set(key, a.file);
    const current = documents.find((d) => d.id === a.info.id);
    if (current?.version !== undefined && current.version === a.info.version) {
      at(`version ${a.info.version} is the one in documents/; an archived version must be an earlier one`);
    }
  }
  return problems;
}
