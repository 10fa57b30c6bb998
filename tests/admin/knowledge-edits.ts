// Edits an administrator makes to a knowledge copy, good and bad. A good edit of a clause's text
// is a revision of the document: the source and the curated file change together (the loader
// proves every clause sentence against its source).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROVINCIAL = join('documents', 'fujian-provincial.yaml');
const SOURCE = join('sources', 'fujian-provincial-2021.txt');

export const OLD_MARRIAGE = '规范婚姻登记管理';
export const NEW_MARRIAGE = '严格规范婚姻登记管理';

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`edit changed nothing in ${file}`);
  writeFileSync(path, after);
}

/** The marriage clause (p2-1-3-1) revised: 规范婚姻登记管理 → 严格规范婚姻登记管理. */
export function reviseMarriageClause(dir: string): void {
  edit(dir, SOURCE, (t) => t.replace(OLD_MARRIAGE, NEW_MARRIAGE));
  edit(dir, PROVINCIAL, (t) => t.replace(OLD_MARRIAGE, NEW_MARRIAGE));
}

/** A half-saved file: the YAML does not parse. */
export function corruptProvincialFile(dir: string): void {
  edit(dir, PROVINCIAL, (t) => t.replace('  - id: p2-1-3-2\n', '  - id: p2-1-3-2\n   path: [unclosed\n'));
}

/** A copied clause whose id was not changed: p2-1-3-3 becomes a second p2-1-3-1. */
export function duplicateClauseId(dir: string): void {
  edit(dir, PROVINCIAL, (t) => t.replace('  - id: p2-1-3-3\n', '  - id: p2-1-3-1\n'));
}

/** A unit the registry does not know, in the marriage clause. */
export function unknownLeadUnit(dir: string): void {
  edit(dir, PROVINCIAL, (t) => t.replace('    lead: [省民政厅]\n    cooperate: [省公安厅]\n    provenance: [112', '    lead: [省婚姻登记局]\n    cooperate: [省公安厅]\n    provenance: [112'));
}

/**
 * A well-formed edit that moves a duty: the marriage clause's annotation (in the source, where the
 * scrape has it twice, and in the curated file) now makes 省公安厅 lead and 省民政厅 cooperate.
 * Every proof still holds; only the saved questions (knowledge/regression.yaml) notice.
 */
export function moveMarriageDuty(dir: string): void {
  const before = '（责任单位：省民政厅负责，省公安厅配合）';
  const after = '（责任单位：省公安厅负责，省民政厅配合）';
  edit(dir, SOURCE, (t) => t.replaceAll(before, after));
  edit(dir, PROVINCIAL, (t) =>
    t
      .replace(before, after)
      .replace('    lead: [省民政厅]\n    cooperate: [省公安厅]\n    provenance: [112', '    lead: [省公安厅]\n    cooperate: [省民政厅]\n    provenance: [112'),
  );
}
