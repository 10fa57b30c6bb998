// A revised provincial document, as the province would issue it: the current rules rendered as
// text with four edits, then written to a real .docx. The edits are what `kb history`, `kb changes`
// and the chat must report — no more, no less.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runKb } from '../../src/cli/kb.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { renderDocumentText } from '../../src/knowledge/render-document.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { writeDocx } from './generated-files.js';

export const EDITS = {
  /** 二（一）3（1）: the police join the lead, the women's federation cooperates instead of the police. */
  units: {
    path: '二（一）3（1）',
    from: '（责任单位：省民政厅负责，省公安厅配合）',
    to: '（责任单位：省民政厅、公安厅负责，省妇联配合）',
  },
  /** 二（四）3: a word added. */
  text: { path: '二（四）3', from: '加强各级反拐工作人员教育培训', to: '加强各级反拐工作人员常态化教育培训', added: '常态化' },
  /** 二（一）3（7）: a new clause after 3（6）. */
  added: {
    path: '二（一）3（7）',
    after: '（6）加强拐卖人口犯罪预防工作信息化建设',
    line: '（7）加强旅馆业住宿登记管理，发现可疑情况及时向公安机关报告。（责任单位：省公安厅负责，省商务厅配合）',
  },
  /** 二（五）3: removed. */
  removed: { path: '二（五）3', line: '3.做好被跨国拐卖受害人救助和中转康复工作' },
};

export function editedProvincialLines(kb: KnowledgeBase): string[] {
  const lines = renderDocumentText(kb, 'fujian-provincial').split('\n').filter((l) => l.trim() !== '');
  const out: string[] = [];
  let replaced = 0;
  for (const line of lines) {
    if (line.startsWith(EDITS.removed.line)) {
      replaced++;
      continue;
    }
    let edited = line;
    if (line.startsWith('（1）规范婚姻登记管理')) edited = edited.replace(EDITS.units.from, EDITS.units.to);
    if (line.startsWith('3.' + EDITS.text.from)) edited = edited.replace(EDITS.text.from, EDITS.text.to);
    if (edited !== line) replaced++;
    out.push(edited);
    if (line.startsWith(EDITS.added.after)) {
      out.push(EDITS.added.line);
      replaced++;
    }
  }
  if (replaced !== 4) throw new Error(`expected 4 edits, made ${replaced}: the rendered document changed`);
  return out;
}

/**
 * What an administrator does with the revised document: write it as .docx (here: generate it),
 * draft it with the served document's id and numbering, and resolve the review points — the two
 * clause numbers the scrape lost stay as they are, so the TO REVIEW lines are deleted.
 * Returns the draft file, ready for `kb replace`.
 */
export async function draftRevisedProvincial(dir: string, work: string): Promise<string> {
  const docx = join(work, 'fujian-provincial-2023.docx');
  await writeDocx(docx, editedProvincialLines(loadKnowledgeBase(dir)));
  let stderr = '';
  const code = await runKb(
    ['draft', docx, '--dir', dir, '--id', 'fujian-provincial', '--prefix', '', '--short-name', '省实施细则', '--level', '省', '--version', '2023年版', '--effective', '2023-06-01'],
    { write: () => true },
    { write: (s: string) => (stderr += s) },
  );
  if (code !== 0) throw new Error(`kb draft failed: ${stderr}`);
  return join(dir, 'drafts/fujian-provincial.yaml');
}

/** Deletes the draft's TO REVIEW lines (its points resolved); returns the points that were listed. */
export function resolveReviewPoints(draftFile: string): string[] {
  const draft = readFileSync(draftFile, 'utf8');
  writeFileSync(draftFile, draft.split('\n').filter((l) => !l.startsWith('#')).join('\n'));
  return draft.split('\n').filter((l) => l.startsWith('#   - '));
}

/**
 * The saved questions (knowledge/regression.yaml) brought in line with the edits, as the
 * administrator does with `kb replace`: 二（一）3（1）'s new units, 二（五）3's question gone. Without
 * this the regression gate refuses the new version (tests/knowledge/regression.test.ts).
 */
export function updateSavedQuestions(dir: string): void {
  const file = join(dir, 'regression.yaml');
  const before = readFileSync(file, 'utf8');
  const after = before
    .replace('clause: 二（一）3（1）\n    lead: [省民政厅]\n    cooperate: [省公安厅]', 'clause: 二（一）3（1）\n    lead: [省民政厅, 省公安厅]\n    cooperate: [省妇联]')
    .replace(/ {2}- question: [^\n]*\n {4}clause: 二（五）3\n {4}lead: \[\]\n {4}cooperate: \[\]\n/, '');
  if (after.split('\n').length !== before.split('\n').length - 4) throw new Error('regression.yaml did not take both edits');
  writeFileSync(file, after);
}
