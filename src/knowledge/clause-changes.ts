// What changed between two lists of clauses, clause by clause (matched by id): the structured form
// behind `kb diff`, `kb changes`, `kb history`, the reload reply and the chat's 「改了什么」.
import type { Clause } from './types.js';

export type ClauseLike = Pick<Clause, 'id' | 'path' | 'text' | 'lead' | 'cooperate' | 'document'>;

export interface UnitChange {
  added: string[];
  removed: string[];
}

export interface ClauseChanged<C extends ClauseLike = ClauseLike> {
  before: C;
  after: C;
  /** Set when the lead (负责) units differ. */
  lead?: UnitChange;
  /** Set when the cooperating (配合) units differ. */
  cooperate?: UnitChange;
  pathChanged: boolean;
  textChanged: boolean;
}

export interface ClauseChanges<C extends ClauseLike = ClauseLike> {
  added: C[];
  removed: C[];
  /** Clauses whose units changed come first, then the others, each in document order. */
  changed: Array<ClauseChanged<C>>;
}

export function compareClauses<C extends ClauseLike>(before: C[], after: C[]): ClauseChanges<C> {
  const old = new Map(before.map((c) => [c.id, c]));
  const now = new Set(after.map((c) => c.id));
  const changed: Array<ClauseChanged<C>> = [];
  for (const c of after) {
    const o = old.get(c.id);
    if (!o) continue;
    const lead = unitChange(o.lead, c.lead);
    const cooperate = unitChange(o.cooperate, c.cooperate);
    const entry: ClauseChanged<C> = {
      before: o,
      after: c,
      ...(lead ? { lead } : {}),
      ...(cooperate ? { cooperate } : {}),
      pathChanged: o.path !== c.path,
      textChanged: o.text !== c.text,
    };
    if (lead || cooperate || entry.pathChanged || entry.textChanged) changed.push(entry);
  }
  const unitsFirst = [...changed.filter(unitsChanged), ...changed.filter((c) => !unitsChanged(c))];
  return {
    added: after.filter((c) => !old.has(c.id)),
    removed: before.filter((c) => !now.has(c.id)),
    changed: unitsFirst,
  };
}

export function unitsChanged(c: ClauseChanged): boolean {
  return c.lead !== undefined || c.cooperate !== undefined;
}

/** Units whose duties changed: gained or lost a role in a clause, or led/cooperated in a clause added or removed. */
export function unitsWithChangedDuties(changes: ClauseChanges): string[] {
  const units = new Set<string>();
  for (const c of [...changes.added, ...changes.removed]) [...c.lead, ...c.cooperate].forEach((u) => units.add(u));
  for (const c of changes.changed) {
    for (const u of [c.lead, c.cooperate]) [...(u?.added ?? []), ...(u?.removed ?? [])].forEach((n) => units.add(n));
  }
  return [...units];
}

export function isEmptyChange(changes: ClauseChanges): boolean {
  return changes.added.length + changes.removed.length + changes.changed.length === 0;
}

function unitChange(before: string[], after: string[]): UnitChange | undefined {
  const added = after.filter((u) => !before.includes(u));
  const removed = before.filter((u) => !after.includes(u));
  return added.length + removed.length > 0 ? { added, removed } : undefined;
}

/** The edit inside a text, exactly: what was taken out and put in, with a little context before it. */
export interface TextEdit {
  before: string;
  removed: string;
  added: string;
  after: string;
}

export function textEdit(from: string, to: string, context = 10): TextEdit {
  const a = Array.from(from);
  const b = Array.from(to);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return {
    before: a.slice(Math.max(0, start - context), start).join(''),
    removed: a.slice(start, a.length - end).join(''),
    added: b.slice(start, b.length - end).join(''),
    after: a.slice(a.length - end, a.length - end + context).join(''),
  };
}
