// A knowledge copy holding the provincial rules plus the fictional county fixture, drafted the way
// an administrator brings a county document in (`kb draft`, then moved into documents/). Only in a
// temp folder: the county document is invented and must never reach the real knowledge/.
import { appendFileSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { runKb } from '../../src/cli/kb.js';
import { projectRoot } from '../../src/knowledge/paths.js';
import { knowledgeCopy } from '../knowledge/helpers.js';

const root = projectRoot();
const quiet = { write: () => true };

export function countyKnowledgeCopy(): string {
  const dir = knowledgeCopy();
  addCountyDocument(dir);
  return dir;
}

/** Registers the county's units and drafts its document into `dir`/documents/shixian.yaml. */
export function addCountyDocument(dir: string): void {
  appendFileSync(join(dir, 'units.yaml'), readFileSync(join(root, 'tests/fixtures/county/units-addition.yaml'), 'utf8'));
  const errors: string[] = [];
  const code = runKb(
    ['draft', join(root, 'tests/fixtures/county/shixian-2022.txt'), '--dir', dir, '--id', 'shixian', '--title', '示例县实施细则', '--short-name', '示例县细则', '--level', '县'],
    quiet,
    { write: (s: string) => errors.push(s) },
  );
  if (code !== 0) throw new Error(`kb draft failed: ${errors.join('')}`);
  renameSync(join(dir, 'drafts', 'shixian.yaml'), join(dir, 'documents', 'shixian.yaml'));
}
