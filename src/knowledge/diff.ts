// What changed between two knowledge bases: the one being served and the files as they are now.
import { compareClauses, type ClauseLike } from './clause-changes.js';
import type { Clause } from './types.js';

export interface ClauseChange {
  id: string;
  path: string;
  changes: string[];
}

export interface KnowledgeDiff {
  added: Clause[];
  removed: Clause[];
  changed: ClauseChange[];
  documentsAdded: string[];
  documentsRemoved: string[];
}

export function diffKnowledge(
  before: { clauses: ClauseLike[]; documents: Array<{ id: string }> },
  after: { clauses: ClauseLike[]; documents: Array<{ id: string }> },
): KnowledgeDiff {
  const compared = compareClauses(before.clauses, after.clauses);
  const changed: ClauseChange[] = compared.changed.map((c) => {
    const changes: string[] = [];
    if (c.pathChanged) changes.push(`path ${c.before.path} → ${c.after.path}`);
    if (c.textChanged) changes.push('text changed');
    for (const [role, u] of [['负责', c.lead], ['配合', c.cooperate]] as const) {
      if (u) changes.push(`${role}: ${[...u.added.map((n) => `+${n}`), ...u.removed.map((n) => `-${n}`)].join(' ')}`);
    }
    return { id: c.after.id, path: c.after.path, changes };
  });
  const docIds = (k: { documents: Array<{ id: string }> }) => new Set(k.documents.map((d) => d.id));
  const [od, nd] = [docIds(before), docIds(after)];
  return {
    added: compared.added as Clause[],
    removed: compared.removed as Clause[],
    changed,
    documentsAdded: [...nd].filter((d) => !od.has(d)),
    documentsRemoved: [...od].filter((d) => !nd.has(d)),
  };
}

export function formatDiff(diff: KnowledgeDiff): string {
  const lines: string[] = [];
  for (const d of diff.documentsAdded) lines.push(`+ document ${d}`);
  for (const d of diff.documentsRemoved) lines.push(`- document ${d}`);
  for (const c of diff.added) lines.push(`+ ${c.id} ${c.path} ${c.text.slice(0, 30)}…`);
  for (const c of diff.removed) lines.push(`- ${c.id} ${c.path} ${c.text.slice(0, 30)}…`);
  for (const c of diff.changed) lines.push(`~ ${c.id} ${c.path}: ${c.changes.join('; ')}`);
  return lines.length === 0 ? 'no changes' : lines.join('\n');
}

export function isEmptyDiff(diff: KnowledgeDiff): boolean {
  return (
    diff.added.length + diff.removed.length + diff.changed.length + diff.documentsAdded.length + diff.documentsRemoved.length === 0
  );
}
