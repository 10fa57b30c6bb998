import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKnowledge, KnowledgeError, loadKnowledgeBase } from '../../src/knowledge/load.js';
import { projectRoot } from '../../src/knowledge/paths.js';
import { knowledgeCopy, provincialFile, realKnowledgeDir } from './helpers.js';

const messages = (dir: string) => checkKnowledge(dir).problems.map((p) => `${p.file} [${p.clause ?? ''}] ${p.message}`);

describe('the curated knowledge', () => {
  const kb = loadKnowledgeBase(realKnowledgeDir);

  it('passes every check', () => {
    expect(checkKnowledge(realKnowledgeDir).problems).toEqual([]);
  });

  it('holds the marriage-registration clause with its units', () => {
    const clause = kb.clauses.find((c) => c.text.startsWith('规范婚姻登记管理'));
    expect(clause?.path).toBe('二（一）3（1）');
    expect(clause?.lead).toEqual(['省民政厅']);
    expect(clause?.cooperate).toEqual(['省公安厅']);
    expect(clause?.titles.map((t) => t.title)).toContain('健全预防犯罪机制');
  });

  it('keeps the organisation clauses, which have no annotation', () => {
    const org = kb.clauses.find((c) => c.path === '一（二）');
    expect(org?.text).toContain('办公室设在省公安厅');
    expect(org?.lead).toEqual([]);
  });

  it('uses every unit only by its canonical name', () => {
    const names = new Set(kb.units.map((u) => u.name));
    for (const c of kb.clauses) for (const u of [...c.lead, ...c.cooperate]) expect(names.has(u), u).toBe(true);
  });
});

describe('kb check on a broken copy', () => {
  it('names the clause whose sentence was altered', () => {
    const dir = knowledgeCopy(provincialFile, (t) => t.replace('应当及时制止并向公安机关报告', '应当及时制止并向民政部门报告'));
    const found = messages(dir);
    expect(found.some((m) => m.includes('[p2-1-3-1]') && m.includes('sentence not in the source'))).toBe(true);
    expect(() => loadKnowledgeBase(dir)).toThrow(KnowledgeError);
  });

  it('names a misspelled unit', () => {
    const dir = knowledgeCopy(provincialFile, (t) => t.replace('lead: [省卫健委]', 'lead: [省卫建委]'));
    expect(messages(dir).some((m) => m.includes('省卫建委') && m.includes('not in units.yaml'))).toBe(true);
  });

  it('reports an annotation that no clause uses', () => {
    const dir = knowledgeCopy(provincialFile, (t) =>
      t.replace(/- sentence: 149\n\s+reason: .*\n/, ''),
    );
    expect(messages(dir).some((m) => m.includes('annotation 149') && m.includes('not listed as skipped'))).toBe(true);
  });

  it('reports a duplicate clause id', () => {
    const dir = knowledgeCopy(provincialFile, (t) => t.replace('- id: p2-5-2', '- id: p2-5-1'));
    expect(messages(dir).some((m) => m.includes('[p2-5-1]') && m.includes('duplicate clause id'))).toBe(true);
  });

  it('reports lead units that disagree with the annotation', () => {
    const dir = knowledgeCopy(provincialFile, (t) =>
      t.replace('responsibility: "（责任单位：省民政厅负责，省公安厅配合）"\n    lead: [省民政厅]', 'responsibility: "（责任单位：省民政厅负责，省公安厅配合）"\n    lead: [省公安厅]'),
    );
    expect(messages(dir).some((m) => m.includes('[p2-1-3-1]') && m.includes("does not match the annotation"))).toBe(true);
  });

  it('reports unparseable YAML with its line, not a stack trace', () => {
    const dir = knowledgeCopy('units.yaml', (t) => t.replace('  - name: 省财政厅', '  - name: [省财政厅'));
    const found = messages(dir);
    expect(found.some((m) => m.startsWith('knowledge/units.yaml') && /line \d+/.test(m))).toBe(true);
  });
});

describe('npm run kb -- check (the real command)', () => {
  const cli = join(projectRoot(), 'dist', 'src', 'cli', 'kb.js');

  it('exits 0 on the curated files', () => {
    const r = spawnSync(process.execPath, [cli, 'check'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/kb check: OK — 1 document\(s\), \d+ clauses/);
  });

  it('exits non-zero and names file, clause and problem on a broken copy', () => {
    const dir = knowledgeCopy(provincialFile, (t) => t.replace('lead: [省卫健委]', 'lead: [省卫建委]'));
    const r = spawnSync(process.execPath, [cli, 'check', '--dir', dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/knowledge\/documents\/fujian-provincial\.yaml \[p2-[\d-]+\]: lead unit 「省卫建委」 is not in units\.yaml/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
