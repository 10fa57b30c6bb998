import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftDocument } from '../../src/knowledge/draft.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { projectRoot } from '../../src/knowledge/paths.js';
import { renderDocumentText } from '../../src/knowledge/render-document.js';
import { createUnitRegistry } from '../../src/knowledge/unit-registry.js';
import { realKnowledgeDir } from './helpers.js';

const kb = loadKnowledgeBase(realKnowledgeDir);
const county = readFileSync(join(projectRoot(), 'tests/fixtures/county/shixian-2022.txt'), 'utf8');
const countyUnits = readFileSync(join(projectRoot(), 'tests/fixtures/county/units-addition.yaml'), 'utf8')
  .split('- name: ')
  .slice(1)
  .map((b) => ({ name: (b.split('\n')[0] ?? '').trim(), aliases: [] as string[] }));

describe('kb draft', () => {
  it('reproduces every curated provincial clause from its clean rendering', () => {
    const draft = draftDocument(renderDocumentText(kb, 'fujian-provincial'), { registry: createUnitRegistry(kb.units) });
    const pick = (c: { id: string; path: string; text: string; responsibility: string | null; lead: string[]; cooperate: string[] }) => ({
      id: c.id,
      path: c.path,
      text: c.text,
      responsibility: c.responsibility,
      lead: c.lead,
      cooperate: c.cooperate,
    });
    expect(draft.clauses.map(pick)).toEqual(kb.clauses.map(pick));
    // The only review points are the two clause numbers the scrape lost.
    expect(draft.review).toHaveLength(2);
    expect(draft.review.every((r) => r.includes('number is lost'))).toBe(true);
  });

  it('parses a clean county document in all three annotation forms with nothing to review', () => {
    const registry = createUnitRegistry([...kb.units, ...countyUnits]);
    const draft = draftDocument(county, { registry, idPrefix: 'sx-' });
    expect(draft.review).toEqual([]);
    const byPath = new Map(draft.clauses.map((c) => [c.path, c]));
    expect(byPath.get('二（一）1')).toMatchObject({ id: 'sx-p2-1-1', lead: ['县民政局'], cooperate: ['县公安局'] });
    expect(byPath.get('二（一）2')).toMatchObject({ lead: ['县教育局', '县公安局'], cooperate: [] });
    expect(byPath.get('二（一）3')).toMatchObject({ lead: ['县卫健局'], cooperate: ['县公安局', '县妇联'] });
    expect(byPath.get('二（二）1')).toMatchObject({ lead: ['团县委', '县妇联'] });
    expect(byPath.get('一（一）')?.text).toContain('办公室设在县公安局');
    expect(draft.sections.map((s) => s.path)).toEqual(['一', '二', '二（一）', '二（二）']);
  });

  it('flags unknown units, removes repeated sentences and reports stray annotations', () => {
    const scraped = county.replace(
      '（二）加强宣传教育',
      '规范婚姻登记管理，登记中发现疑似拐卖妇女情形的，应当及时制止并向公安机关报告。（二）加强宣传教育',
    );
    const draft = draftDocument(scraped + '（责任单位：县统战部负责）\n', { registry: createUnitRegistry(kb.units) });
    expect(draft.review.some((r) => r.includes('unknown unit 「县民政局」'))).toBe(true);
    expect(draft.review.some((r) => r.includes('repeats sentence'))).toBe(true);
    expect(draft.review.some((r) => r.includes('already has one'))).toBe(true);
  });
});
