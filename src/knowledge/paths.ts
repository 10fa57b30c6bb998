// Where the project's own files are, whether running from src/ (vitest, tsx) or dist/ (node).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder holding package.json. */
export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  root = dir;
  return root;
}

/** The knowledge folder: an explicit path (e.g. from KNOWLEDGE_DIR) or the project's knowledge/. */
export function knowledgeDir(explicit?: string): string {
  return explicit ? resolve(explicit) : join(projectRoot(), 'knowledge');
}
