// Writes a document file in the curated layout (the one administrators edit by hand).
import type { Draft } from './draft.js';

export interface DocumentHeader {
  id: string;
  title: string;
  shortName: string;
  level: string;
  source: string;
  version?: string;
  effective?: string;
}

const q = (s: string) => JSON.stringify(s); // a JSON string is a valid double-quoted YAML scalar

export function formatDocumentYaml(header: DocumentHeader, draft: Draft, notes: Map<string, string> = new Map()): string {
  const out: string[] = [];
  if (draft.review.length > 0) {
    out.push('# TO REVIEW before this draft goes live (then delete these lines):');
    for (const r of draft.review) out.push(`#   - ${r}`);
  }
  out.push(
    'document:',
    `  id: ${header.id}`,
    `  title: ${q(header.title)}`,
    `  short_name: ${q(header.shortName)}`,
    `  level: ${q(header.level)}`,
    `  source: ${header.source}`,
    ...(header.version ? [`  version: ${q(header.version)}`] : []),
    ...(header.effective ? [`  effective: ${q(header.effective)}`] : []),
    'sections:',
  );
  for (const s of draft.sections) {
    out.push(`  - path: ${s.path}`, `    title: ${s.title === null ? 'null' : q(s.title)}`);
  }
  out.push('clauses:');
  for (const c of draft.clauses) {
    out.push(
      `  - id: ${c.id}`,
      `    path: ${c.path}`,
      `    text: ${q(c.text)}`,
      `    responsibility: ${c.responsibility === null ? 'null' : q(c.responsibility)}`,
      `    lead: [${c.lead.join(', ')}]`,
      `    cooperate: [${c.cooperate.join(', ')}]`,
      `    provenance: [${c.provenance.join(', ')}]`,
    );
    const note = notes.get(c.id);
    if (note) out.push(`    note: ${q(note)}`);
  }
  out.push(draft.skipped.length > 0 ? 'skipped:' : 'skipped: []');
  for (const s of draft.skipped) out.push(`  - sentence: ${s.sentence}`, `    reason: ${q(s.reason)}`);
  return out.join('\n') + '\n';
}
