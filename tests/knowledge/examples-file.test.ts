// knowledge/examples.yaml is data an administrator edits: validated by `kb check`, a clause number
// a revised document dropped is a warning (the revision still loads), a malformed file is refused.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkKnowledge, formatProblem } from '../../src/knowledge/load.js';
import { countyKnowledgeCopy } from '../core/multi-document-kb.js';
import { knowledgeCopy } from './helpers.js';

const dirs: string[] = [];
const copy = (edit: (t: string) => string) => {
  const dir = knowledgeCopy('examples.yaml', edit);
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const add = (entry: string) => (t: string) => t.replace('examples:\n', `examples:\n${entry}`);

describe('kb check on examples.yaml', () => {
  it('serves an example added under a clause number, by that clause id', () => {
    const report = checkKnowledge(copy(add('  - clause: 二（一）3（1）\n    questions: ["来领证的姑娘一直低头不吭声，男方替她答话"]\n')));
    expect(report.problems).toEqual([]);
    const id = report.kb!.clauses.find((c) => c.path === '二（一）3（1）')!.id;
    expect(report.kb!.examples![id]).toContain('来领证的姑娘一直低头不吭声，男方替她答话');
  });

  it('warns of a clause number no document has, and still serves the rest', () => {
    const report = checkKnowledge(copy(add('  - clause: 九（九）9\n    questions: ["这条谁管"]\n')));
    expect(report.problems).toEqual([]);
    expect(report.kb).not.toBeNull();
    expect((report.warnings ?? []).map(formatProblem)).toContain('knowledge/examples.yaml: clause 九（九）9 is in no document: its 1 example question(s) are not used');
  });

  it('refuses a question longer than a chat message, naming the file', () => {
    const report = checkKnowledge(copy(add(`  - clause: 二（一）3（1）\n    questions: ["${'领证'.repeat(101)}"]\n`)));
    expect(report.kb).toBeNull();
    expect(report.problems.map(formatProblem).some((p) => p.startsWith('knowledge/examples.yaml') && p.includes('200'))).toBe(true);
  });

  it('refuses an unknown key instead of ignoring it', () => {
    const report = checkKnowledge(copy(add('  - clause: 二（一）3（1）\n    question: ["来领证的"]\n')));
    expect(report.kb).toBeNull();
    expect(report.problems.map(formatProblem).some((p) => p.startsWith('knowledge/examples.yaml'))).toBe(true);
  });

  it('asks for the document when two documents have that clause number', () => {
    const dir = countyKnowledgeCopy();
    dirs.push(dir);
    const report = checkKnowledge(dir);
    const shared = report.kb!.clauses.find((c) => c.document !== 'fujian-provincial' && report.kb!.clauses.some((o) => o.document === 'fujian-provincial' && o.path === c.path))!;
    const again = checkKnowledge(withExample(dir, shared.path));
    expect(again.problems.map(formatProblem).join('\n')).toMatch(/is in more than one document .*add document:/);
    expect(checkKnowledge(withExample(dir, shared.path, shared.document)).problems).toEqual([]);
  });
});

function withExample(dir: string, path: string, document?: string): string {
  const entry = `  - clause: ${path}\n${document ? `    document: ${document}\n` : ''}    questions: ["这条谁牵头啊"]\n`;
  const file = join(dir, 'examples.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^examples:\n(  - clause: [^\n]*\n(    document[^\n]*\n)?    questions: \["这条谁牵头啊"\]\n)?/m, `examples:\n${entry}`));
  return dir;
}
