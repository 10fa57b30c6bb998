// Shared by the knowledge tests: the real knowledge folder and throw-away copies of it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach } from 'vitest';
import { knowledgeDir } from '../../src/knowledge/paths.js';
import type { Unit } from '../../src/knowledge/types.js';
import { tempDir } from '../support/temp-dir.js';

export const realKnowledgeDir = knowledgeDir();
export const provincialFile = join('documents', 'fujian-provincial.yaml');

export function loadUnits(): Unit[] {
  const file = parse(readFileSync(join(realKnowledgeDir, 'units.yaml'), 'utf8')) as {
    units: Array<{ name: string; full_name?: string; aliases?: string[] }>;
  };
  return file.units.map((u) => ({ name: u.name, aliases: u.aliases ?? [], ...(u.full_name ? { fullName: u.full_name } : {}) }));
}

/** A copy of the real knowledge folder with one file edited by `edit`, removed after the test file. */
export function knowledgeCopy(file?: string, edit?: (text: string) => string): string {
  const dir = tempDir('kb-');
  cpSync(realKnowledgeDir, dir, { recursive: true });
  if (file && edit) {
    const path = join(dir, file);
    const before = readFileSync(path, 'utf8');
    const after = edit(before);
    if (after === before) throw new Error(`edit changed nothing in ${file}`);
    writeFileSync(path, after);
  }
  return dir;
}

/** knowledgeCopy for a test file whose copies are removed after each test (call at the top level). */
export function knowledgeCopiesPerTest(): typeof knowledgeCopy {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return (file, edit) => {
    const dir = knowledgeCopy(file, edit);
    dirs.push(dir);
    return dir;
  };
}
