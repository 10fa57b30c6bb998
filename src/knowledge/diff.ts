// What changed between two knowledge bases: the one being served and the files as they are now.
import type { Clause, KnowledgeBase } from './types.js';

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

type ClauseLike = Pick<Clause, 'id' | 'path' | 'text' | 'lead' | 'cooperate' | 'document'>;

export function diffKnowledge(
  before: { clauses: ClauseLike[]; documents: Array<{ id: string }> },
  after: { clauses: ClauseLike[]; documents: Array<{ id: string }> },
): KnowledgeDiff {
  const old = new Map(before.clauses.map((c) => [c.id, c]));
  const now = new Map(after.clauses.map((c) => [c.id, c]));
  const changed: ClauseChange[] = [];
  for (const [id, c] of now) {
    const o = old.get(id);
    if (!o) continue;
    const changes: string[] = [];
    if (o.path !== c.path) changes.push(`path ${o.path} → ${c.path}`);
    if (o.text !== c.text) changes.push('text changed');
    const units = (role: string, a: string[], b: string[]) => {
      const gone = a.filter((u) => !b.includes(u));
      const come = b.filter((u) => !a.includes(u));
      if (gone.length + come.length > 0) {
        changes.push(`${role}: ${[...come.map((u) => `+${u}`), ...gone.map((u) => `-${u}`)].join(' ')}`);
      }
    };
    units('负责', o.lead, c.lead);
    units('配合', o.cooperate, c.cooperate);
    if (changes.length > 0) changed.push({ id, path: c.path, changes });
  }
  const docIds = (k: { documents: Array<{ id: string }> }) => new Set(k.documents.map((d) => d.id));
  const [od, nd] = [docIds(before), docIds(after)];
  return {
    added: after.clauses.filter((c) => !old.has(c.id)) as Clause[],
    removed: before.clauses.filter((c) => !now.has(c.id)) as Clause[],
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
