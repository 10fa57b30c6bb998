// Versions: the province issues a revised document as Word; the administrator drafts it, replaces
// the served one (which moves to knowledge/archive/), and history, changes and answers follow.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKb } from '../../src/cli/kb.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeCopy } from '../knowledge/helpers.js';
import { EDITS, draftRevisedProvincial, resolveReviewPoints, updateSavedQuestions } from './provincial-edition.js';

async function kb(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runKb(args, { write: (s: string) => (stdout += s) }, { write: (s: string) => (stderr += s) });
  return { code, stdout, stderr };
}

let dir: string;
let work: string;

beforeAll(async () => {
  dir = knowledgeCopy();
  work = mkdtempSync(join(tmpdir(), 'kb-edition-'));
  await draftRevisedProvincial(dir, work);
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('replacing the provincial document with a revised version', () => {
  it('refuses while the draft still lists points to review, and changes nothing', async () => {
    const before = readFileSync(join(dir, 'documents/fujian-provincial.yaml'), 'utf8');
    const r = await kb(['replace', join(dir, 'drafts/fujian-provincial.yaml'), '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('points to review');
    expect(readFileSync(join(dir, 'documents/fujian-provincial.yaml'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'archive'))).toBe(false);
  });

  it('keeps the old version in the archive once the review points are resolved', async () => {
    const draftFile = join(dir, 'drafts/fujian-provincial.yaml');
    // The only points: the two clause numbers the scrape lost, kept as they are.
    const points = resolveReviewPoints(draftFile);
    expect(points).toHaveLength(2);
    expect(points.every((p) => p.includes('number is lost'))).toBe(true);

    const r = await kb(['replace', draftFile, '--dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2021年版 → 2023年版');
    expect(readdirSync(join(dir, 'archive/fujian-provincial')).sort()).toEqual(['2021-11-03.txt', '2021-11-03.yaml']);
    updateSavedQuestions(dir);
    const check = await kb(['check', '--dir', dir]);
    expect(check.stdout).toMatch(/kb check: OK — 1 document\(s\), 45 clauses/);
    const kbNow = loadKnowledgeBase(dir);
    expect(kbNow.documents[0]).toMatchObject({ version: '2023年版', effective: '2023-06-01' });
    expect(kbNow.archive?.map((a) => a.info.version)).toEqual(['2021年版']);
  });

  it('kb changes shows exactly the four edits, units first', async () => {
    const r = await kb(['changes', 'fujian-provincial', '--dir', dir]);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('新增 1 条，删除 1 条，修改 2 条（其中责任单位变化 1 条）');
    const unitsAt = out.indexOf('责任单位变化（1 条）');
    expect(unitsAt).toBeGreaterThan(0);
    expect(out).toContain(`· ${EDITS.units.path} 负责：增加省公安厅（现为：省民政厅、省公安厅）；配合：增加省妇联、去掉省公安厅（现为：省妇联）`);
    expect(out).toContain(`· ${EDITS.added.path} 负责：省公安厅；配合：省商务厅 「加强旅馆业住宿登记管理`);
    expect(out).toContain(`· ${EDITS.removed.path} 「做好被跨国拐卖受害人救助`);
    expect(out).toContain(`· ${EDITS.text.path} 文字：加入「${EDITS.text.added}」（在「…加强各级反拐工作人员」之后）`);
    expect(unitsAt).toBeLessThan(out.indexOf('新增条款'));
    // Nothing else is reported as changed.
    expect(out.split('\n').filter((l) => l.startsWith('· '))).toHaveLength(4);
    expect(out).toContain('职责有变化的单位：省公安厅、省商务厅、省妇联');
  });

  it('kb changes --from/--to names versions by label or date, and says when one does not exist', async () => {
    const same = await kb(['changes', 'fujian-provincial', '--from', '2021-11-03', '--to', '2023年版', '--dir', dir]);
    expect(same.stdout).toContain('2021年版（2021-11-03 起施行） → 2023年版（2023-06-01 起施行）');
    const back = await kb(['changes', 'fujian-provincial', '--from', '2023年版', '--to', '2021年版', '--dir', dir]);
    expect(back.stdout).toContain('新增 1 条，删除 1 条');
    const none = await kb(['changes', 'fujian-provincial', '--from', '2019年版', '--dir', dir]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('has no version 2019年版; versions: 2021年版, 2023年版');
  });

  it('kb history shows each version of a clause, typed the way staff type numbers', async () => {
    const r = await kb(['history', '二(一)3(1)', '--dir', dir]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('省实施细则 二（一）3（1） 的各个版本：');
    expect(lines[1]).toMatch(/^· 2021年版（2021-11-03 起施行）：负责：省民政厅；配合：省公安厅 「规范婚姻登记管理/);
    expect(lines[2]).toBe('· 2023年版（2023-06-01 起施行），现行：负责：增加省公安厅（现为：省民政厅、省公安厅）；配合：增加省妇联、去掉省公安厅（现为：省妇联）');
    const unchanged = await kb(['history', '二（一）1', '--dir', dir]);
    expect(unchanged.stdout).toContain('2023年版（2023-06-01 起施行），现行：没有变化');
    const removed = await kb(['history', EDITS.removed.path, '--dir', dir]);
    expect(removed.stdout).toContain('现行：本条被删除');
    const missing = await kb(['history', '九（九）9', '--dir', dir]);
    expect(missing.code).toBe(1);
  });

  it('refuses a version older than the one served, or the same one, and changes nothing', async () => {
    const archived = readFileSync(join(dir, 'archive/fujian-provincial/2021-11-03.yaml'), 'utf8');
    const older = join(work, 'older.yaml');
    writeFileSync(older, archived.replace('version: "2021年版"', 'version: "2020年版"').replace('effective: "2021-11-03"', 'effective: "2020-01-01"'));
    const before = readFileSync(join(dir, 'documents/fujian-provincial.yaml'), 'utf8');
    const r = await kb(['replace', older, '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'kb replace: fujian-provincial version 2020年版 (effective 2020-01-01) is older than the one served, 2023年版 (effective 2023-06-01); nothing replaced\n',
    );
    const again = await kb(['replace', join(dir, 'drafts/fujian-provincial.yaml'), '--dir', dir]);
    expect(again.stderr).toContain('is already the one served');
    expect(readFileSync(join(dir, 'documents/fujian-provincial.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(join(dir, 'archive/fujian-provincial'))).toHaveLength(2);
  });
});
