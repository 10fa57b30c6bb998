// The knowledge a running assistant is serving, written where `kb diff` can compare it with the
// files. Written on every successful load or reload; the write is atomic (rename).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase } from './types.js';

export const SNAPSHOT_FILE = 'served-knowledge.json';

export interface ServedSnapshot {
  version: string;
  loadedAt: string;
  documents: KnowledgeBase['documents'];
  clauses: Array<Pick<KnowledgeBase['clauses'][number], 'id' | 'document' | 'path' | 'text' | 'lead' | 'cooperate'>>;
}

export function writeServedSnapshot(kb: KnowledgeBase, dataDir: string, loadedAt: Date): void {
  mkdirSync(dataDir, { recursive: true });
  const snapshot: ServedSnapshot = {
    version: kb.version,
    loadedAt: loadedAt.toISOString(),
    documents: kb.documents,
    clauses: kb.clauses.map(({ id, document, path, text, lead, cooperate }) => ({ id, document, path, text, lead, cooperate })),
  };
  const target = join(dataDir, SNAPSHOT_FILE);
  writeFileSync(target + '.tmp', JSON.stringify(snapshot));
  renameSync(target + '.tmp', target);
}

export function readServedSnapshot(dataDir: string): ServedSnapshot | null {
  const path = join(dataDir, SNAPSHOT_FILE);
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as ServedSnapshot;
}
