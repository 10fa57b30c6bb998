// A document's versions — the archived ones (knowledge/archive/) and the one in documents/ — and
// what changed between two of them, or in one clause across all of them.
import { pathKey } from '../core/clause-path.js';
import { compareClauses, type ClauseChanged, type ClauseChanges } from './clause-changes.js';
import type { Clause, DocumentInfo, KnowledgeBase } from './types.js';

export interface DocumentVersion {
  info: DocumentInfo;
  clauses: Clause[];
  /** The version in documents/, the one answers quote. */
  current: boolean;
}

/** Oldest first; the current version last. */
export function documentVersions(kb: KnowledgeBase, documentId: string): DocumentVersion[] {
  const info = kb.documents.find((d) => d.id === documentId);
  const archived = (kb.archive ?? [])
    .filter((a) => a.info.id === documentId)
    .map((a) => ({ info: a.info, clauses: a.clauses, current: false }))
    .sort((a, b) => (a.info.effective ?? '').localeCompare(b.info.effective ?? ''));
  if (!info) return archived;
  return [...archived, { info, clauses: kb.clauses.filter((c) => c.document === documentId), current: true }];
}

/** A version named by its 文号/label or its effective date. */
export function findVersion(versions: DocumentVersion[], name: string): DocumentVersion | undefined {
  const wanted = name.trim();
  return versions.find((v) => v.info.version === wanted || v.info.effective === wanted);
}

export interface VersionChanges {
  document: DocumentInfo;
  from: DocumentInfo;
  to: DocumentInfo;
  changes: ClauseChanges<Clause>;
}

/** What changed from one version to another; by default from the one before the current to the current. */
export function versionChanges(
  kb: KnowledgeBase,
  documentId: string,
  range: { from?: string; to?: string } = {},
): VersionChanges | { error: string } {
  const versions = documentVersions(kb, documentId);
  const current = versions.at(-1);
  if (!current) return { error: `no document ${documentId}; documents: ${kb.documents.map((d) => d.id).join(', ')}` };
  const named = (name: string | undefined, fallback: DocumentVersion | undefined) => {
    if (name === undefined) return fallback;
    return findVersion(versions, name);
  };
  const to = named(range.to, current);
  if (!to) return { error: `${documentId} has no version ${range.to}; versions: ${versionList(versions)}` };
  const toIndex = versions.indexOf(to);
  const from = named(range.from, versions[toIndex - 1]);
  if (!from) {
    return {
      error: range.from
        ? `${documentId} has no version ${range.from}; versions: ${versionList(versions)}`
        : `${documentId} has only one version (${versionList(versions)}): nothing to compare`,
    };
  }
  return { document: current.info, from: from.info, to: to.info, changes: compareClauses(from.clauses, to.clauses) };
}

export interface ClauseVersion {
  version: DocumentInfo;
  current: boolean;
  /** The clause in that version, or null when the version does not have it. */
  clause: Clause | null;
  /** How it differs from the version before (absent for the first, or when it was added or removed). */
  change?: ClauseChanged<Clause>;
}

export interface ClauseHistory {
  document: DocumentInfo;
  path: string;
  versions: ClauseVersion[];
}

/**
 * The versions of the clauses a query names: an id (p2-1-3-1) or an outline number (二（一）3（1）,
 * typed any way staff type it), in every document that has it; `documentId` narrows to one.
 */
export function clauseHistories(kb: KnowledgeBase, query: string, documentId?: string): ClauseHistory[] {
  const key = pathKey(query);
  const matches = (c: Clause) => c.id === query.trim() || pathKey(c.path) === key;
  const documents = kb.documents.filter((d) => !documentId || d.id === documentId);
  const out: ClauseHistory[] = [];
  for (const doc of documents) {
    const versions = documentVersions(kb, doc.id);
    // The clause is followed by its id, so a renumbered clause keeps its history.
    const ids = new Set(versions.flatMap((v) => v.clauses.filter(matches).map((c) => c.id)));
    for (const id of ids) {
      const entries: ClauseVersion[] = [];
      let previous: Clause | null = null;
      for (const v of versions) {
        const clause = v.clauses.find((c) => c.id === id) ?? null;
        const change = previous && clause ? compareClauses([previous], [clause]).changed[0] : undefined;
        entries.push({ version: v.info, current: v.current, clause, ...(change ? { change } : {}) });
        previous = clause;
      }
      const latest = [...entries].reverse().find((e) => e.clause)?.clause;
      out.push({ document: doc, path: latest?.path ?? query, versions: entries });
    }
  }
  return out;
}

function versionList(versions: DocumentVersion[]): string {
  return versions.map((v) => v.info.version ?? v.info.effective ?? '(no version)').join(', ');
}
