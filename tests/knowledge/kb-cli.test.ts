// The administrator's workflow through the real `kb` command: draft a county document, move the
// draft into documents/, check it, and see it in the diff against what is served.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { projectRoot } from '../../src/knowledge/paths.js';
import { writeServedSnapshot } from '../../src/knowledge/served-snapshot.js';
import { knowledgeCopy } from './helpers.js';

const root = projectRoot();
const kbCli = (args: string[]) =>
  spawnSync(process.execPath, [join(root, 'dist/src/cli/kb.js'), ...args], { encoding: 'utf8' });

describe('kb draft → check → diff', () => {
  it('brings a county document in with nothing to review, and the diff shows it', () => {
    const dir = knowledgeCopy();
    appendFileSync(join(dir, 'units.yaml'), readFileSync(join(root, 'tests/fixtures/county/units-addition.yaml'), 'utf8'));
    const dataDir = join(dir, 'data');
    writeServedSnapshot(loadKnowledgeBase(dir), dataDir, new Date('2026-01-01T00:00:00Z'));

    const draft = kbCli(['draft', join(root, 'tests/fixtures/county/shixian-2022.txt'), '--dir', dir, '--id', 'shixian', '--title', '示例县实施细则', '--level', '县']);
    expect(draft.status).toBe(0);
    expect(draft.stdout).toContain('nothing to review');
    expect(existsSync(join(dir, 'sources', 'shixian-2022.txt'))).toBe(true);

    renameSync(join(dir, 'drafts', 'shixian.yaml'), join(dir, 'documents', 'shixian.yaml'));
    const check = kbCli(['check', '--dir', dir]);
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/OK — 2 document\(s\)/);

    const diff = kbCli(['diff', '--dir', dir, '--data-dir', dataDir]);
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain('+ document shixian');
    expect(diff.stdout).toContain('+ shixian-p2-1-1 二（一）1 规范婚姻登记管理');
  });

  it('says so when nothing is being served', () => {
    const r = kbCli(['diff', '--data-dir', join(knowledgeCopy(), 'no-data')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nothing is being served');
  });
});
