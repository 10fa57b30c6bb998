// Reloading the served knowledge: an edited clause goes live; a broken edit never does, and the
// error names the file, the clause and the problem.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLiveAssistant } from '../../src/core/live-assistant.js';
import { SNAPSHOT_FILE } from '../../src/knowledge/served-snapshot.js';
import { addCountyDocument } from '../core/multi-document-kb.js';
import { knowledgeCopy } from '../knowledge/helpers.js';
import {
  corruptProvincialFile,
  duplicateClauseId,
  NEW_MARRIAGE,
  OLD_MARRIAGE,
  PROVINCIAL,
  reviseMarriageClause,
  unknownLeadUnit,
} from './knowledge-edits.js';

const QUESTION = '谁负责婚姻登记相关反拐措施';

function setup() {
  const dir = knowledgeCopy();
  const dataDir = join(dir, 'data');
  let now = new Date('2026-03-01T08:00:00Z');
  const live = createLiveAssistant({ knowledgeDir: dir, dataDir, clock: () => now });
  return { dir, dataDir, live, later: (iso: string) => (now = new Date(iso)) };
}

describe('createLiveAssistant', () => {
  it('serves an edited clause after reload, and says what changed', async () => {
    const { dir, dataDir, live, later } = setup();
    expect(live.ask(QUESTION).answers[0]!.text.startsWith(OLD_MARRIAGE)).toBe(true);
    const before = live.status();

    reviseMarriageClause(dir);
    // Editing the files alone changes nothing being served.
    expect(live.ask(QUESTION).answers[0]!.text.startsWith(OLD_MARRIAGE)).toBe(true);

    later('2026-03-01T09:30:00Z');
    const result = await live.reload();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.diff).toMatchObject({ added: 0, removed: 0, changed: 1 });
    expect(result.diff.lines).toEqual(['~ 二（一）3（1）（p2-1-3-1）：text changed']);
    expect(result.previousVersion).toBe(before.version);
    expect(result.status.version).not.toBe(before.version);
    expect(live.ask(QUESTION).answers[0]!.text.startsWith(NEW_MARRIAGE)).toBe(true);
    expect(live.getClause('p2-1-3-1')!.text.startsWith(NEW_MARRIAGE)).toBe(true);
    expect(live.kb().version).toBe(result.status.version);
    expect(live.status().loadedAt.toISOString()).toBe('2026-03-01T09:30:00.000Z');
    // What is served is written down for `kb diff`.
    const snapshot = JSON.parse(readFileSync(join(dataDir, SNAPSHOT_FILE), 'utf8')) as { version: string; loadedAt: string };
    expect(snapshot).toMatchObject({ version: result.status.version, loadedAt: '2026-03-01T09:30:00.000Z' });
  });

  it.each([
    ['a corrupted file', corruptProvincialFile, /YAML error at line \d+/, undefined],
    ['a duplicate clause id', duplicateClauseId, /duplicate clause id/, 'p2-1-3-1'],
    ['an unknown unit', unknownLeadUnit, /lead unit 「省婚姻登记局」 is not in units\.yaml/, 'p2-1-3-1'],
  ])('keeps the old knowledge serving after %s, naming file, clause and problem', async (_label, breakIt, problem, clause) => {
    const { dir, dataDir, live } = setup();
    reviseMarriageClause(dir); // a good edit in the same batch must not go live either
    breakIt(dir);
    const before = live.status();
    const snapshotBefore = readFileSync(join(dataDir, SNAPSHOT_FILE), 'utf8');

    const result = await live.reload();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const hit = result.problems.find((p) => problem.test(p.message));
    expect(hit).toMatchObject({ file: join('knowledge', PROVINCIAL), ...(clause ? { clause } : {}) });
    expect(result.status.version).toBe(before.version);
    expect(live.status()).toEqual(before);
    expect(live.ask(QUESTION).answers[0]!.text.startsWith(OLD_MARRIAGE)).toBe(true);
    expect(readFileSync(join(dataDir, SNAPSHOT_FILE), 'utf8')).toBe(snapshotBefore);
  });

  it('brings a county document live on reload, and answers name it', async () => {
    const { dir, live } = setup();
    // Before: no county unit is known, so 民政局 is the province's.
    expect(live.ask('县民政局负责哪些工作').unit).toBe('省民政厅');
    addCountyDocument(dir);
    const result = await live.reload();
    expect(result.ok && result.diff.documentsAdded).toEqual(['shixian']);
    expect(live.status().documents.map((d) => [d.id, d.level])).toEqual([['fujian-provincial', '省'], ['shixian', '县']]);
    expect(live.ask('县民政局负责哪些工作').unit).toBe('县民政局');
    expect(live.ask('县里婚姻登记谁负责').answers[0]).toMatchObject({ documentName: '示例县细则', lead: ['县民政局'] });
  });

  it('keeps serving when the knowledge folder is gone altogether', async () => {
    const { dir, live } = setup();
    rmSync(join(dir, 'documents'), { recursive: true });
    const result = await live.reload();
    expect(result.ok).toBe(false);
    expect(live.ask(QUESTION).answers[0]?.lead).toEqual(['省民政厅']);
  });

  it('reports version, clause count, load time and documents', () => {
    const { live } = setup();
    const status = live.status();
    expect(status.version).toMatch(/^[0-9a-f]{12}$/);
    expect(status.clauses).toBe(live.kb().clauses.length);
    expect(status.loadedAt.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(status.documents).toEqual([{ id: 'fujian-provincial', shortName: '省实施细则', level: '省', clauses: status.clauses }]);
  });

  it('refuses to start on invalid knowledge, and writes no snapshot', () => {
    const dir = knowledgeCopy();
    duplicateClauseId(dir);
    expect(() => createLiveAssistant({ knowledgeDir: dir, dataDir: join(dir, 'data') })).toThrow(/duplicate clause id/);
    expect(existsSync(join(dir, 'data', SNAPSHOT_FILE))).toBe(false);
  });
});
