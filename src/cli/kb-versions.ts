// `npm run kb -- replace | history | changes`: a document's versions from the command line.
import { formatClauseHistory, formatVersionChanges } from '../admin/format-changes.js';
import { formatProblem } from '../knowledge/load.js';
import { replaceDocument } from '../knowledge/replace-document.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { clauseHistories, versionChanges } from '../knowledge/versions.js';

type Out = { write(s: string): unknown };

export function replaceCommand(dir: string, file: string | undefined, out: Out, err: Out): number {
  if (!file) {
    err.write('usage: npm run kb -- replace <new-version.yaml>\n');
    return 2;
  }
  const r = replaceDocument(dir, file);
  if (!r.ok) {
    err.write(`kb replace: ${r.message}\n`);
    for (const p of r.problems ?? []) err.write(`  ${formatProblem(p)}\n`);
    return 1;
  }
  out.write(`kb replace: ${r.id} ${r.previous.version} → ${r.next.version}; the previous version is kept in ${r.archived}\n`);
  const changes = versionChanges(r.kb, r.id);
  if (!('error' in changes)) out.write(`${formatVersionChanges(changes)}\n`);
  out.write('Send /kb reload in chat (or kill -HUP the assistant) to put it live.\n');
  return 0;
}

export function historyCommand(kb: KnowledgeBase, clause: string, documentId: string | undefined, out: Out, err: Out): number {
  if (!clause.trim()) {
    err.write('usage: npm run kb -- history <clause number or id> [--doc DOC]\n');
    return 2;
  }
  const histories = clauseHistories(kb, clause, documentId);
  if (histories.length === 0) {
    err.write(`kb history: no clause ${clause}${documentId ? ` in ${documentId}` : ''} in any version\n`);
    return 1;
  }
  out.write(histories.map(formatClauseHistory).join('\n\n') + '\n');
  return 0;
}

export function changesCommand(kb: KnowledgeBase, documentId: string | undefined, range: { from?: string; to?: string }, out: Out, err: Out): number {
  const id = documentId ?? (kb.documents.length === 1 ? kb.documents[0]?.id : undefined);
  if (!id) {
    err.write(`usage: npm run kb -- changes <doc> [--from VERSION --to VERSION]; documents: ${kb.documents.map((d) => d.id).join(', ')}\n`);
    return 2;
  }
  const changes = versionChanges(kb, id, range);
  if ('error' in changes) {
    err.write(`kb changes: ${changes.error}\n`);
    return 1;
  }
  out.write(`${formatVersionChanges(changes)}\n`);
  return 0;
}
