// Renders one curated document back to clean text in the genre's own layout (a heading or a
// clause a line, numbering, text, annotation). `kb draft` on this text must give the clauses
// back, which is how the drafter is tested; administrators can also read it as a clean copy.
import { ancestorPaths, headingNumber } from './outline-path.js';
import type { KnowledgeBase } from './types.js';

export function renderDocumentText(kb: KnowledgeBase, documentId: string): string {
  const doc = kb.documents.find((d) => d.id === documentId);
  if (!doc) throw new Error(`no document ${documentId}`);
  const lines: string[] = [doc.title];
  const emitted = new Set<string>();
  for (const clause of kb.clauses.filter((c) => c.document === documentId)) {
    for (const section of clause.titles) {
      if (emitted.has(section.path) || ancestorPaths(clause.path).indexOf(section.path) < 0) continue;
      emitted.add(section.path);
      lines.push(headingNumber(section.path) + (section.title ?? ''));
    }
    emitted.add(clause.path);
    lines.push(headingNumber(clause.path) + clause.text + (clause.responsibility ?? ''));
  }
  return lines.join('\n') + '\n';
}
