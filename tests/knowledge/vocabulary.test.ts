// knowledge/vocabulary.yaml: validated strictly by `kb check`, reloaded live, and the segmenter's
// words follow a reload exactly.
import { rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveAssistant } from '../../src/core/live-assistant.js';
import { createJiebaTokenizer } from '../../src/core/tokenizer.js';
import { checkKnowledge, formatProblem } from '../../src/knowledge/load.js';
import { knowledgeCopy } from './helpers.js';

const dirs: string[] = [];
const copy = (edit?: (t: string) => string) => {
  const dir = edit ? knowledgeCopy('vocabulary.yaml', edit) : knowledgeCopy();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const problems = (dir: string) => checkKnowledge(dir).problems.map(formatProblem);

describe('kb check on vocabulary.yaml', () => {
  it('warns of a staff word mapped to a word no clause, heading or unit has, and still serves the knowledge', () => {
    const dir = copy((t) => t.replace('synonyms:\n', 'synonyms:\n  领结婚证: [结婚证书]\n'));
    const report = checkKnowledge(dir);
    expect(report.problems).toEqual([]);
    expect(report.kb).not.toBeNull();
    expect((report.warnings ?? []).map(formatProblem)).toContain('knowledge/vocabulary.yaml: synonyms.领结婚证: 「结婚证书」 stands in no clause, heading or unit name');
  });

  it('names a cycle of staff words', () => {
    const dir = copy((t) => t.replace('synonyms:\n', 'synonyms:\n  娶妻: [结婚]\n  结婚啦: [娶妻]\n').replace('  结婚: [婚姻]', '  结婚: [婚姻, 结婚啦]'));
    const cycle = problems(dir).filter((p) => p.includes('synonyms: cycle'));
    expect(cycle).toHaveLength(1);
    expect(cycle[0]).toMatch(/(结婚 → 结婚啦 → 娶妻|结婚啦 → 娶妻 → 结婚|娶妻 → 结婚 → 结婚啦)/);
  });

  it('rejects an unknown key instead of ignoring it', () => {
    const dir = copy((t) => t.replace('synonyms:\n', 'synonym:\n  领结婚证: [婚姻登记]\nsynonyms:\n'));
    expect(problems(dir).some((p) => p.startsWith('knowledge/vocabulary.yaml') && p.includes('synonym'))).toBe(true);
  });

  it('a missing vocabulary.yaml is a problem, not an empty vocabulary', () => {
    const dir = copy();
    rmSync(join(dir, 'vocabulary.yaml'));
    expect(problems(dir)).toContain('knowledge/vocabulary.yaml: file is missing');
  });
});

describe('a staff word added without code', () => {
  it('is understood after /kb reload, and forgotten after it is removed again', async () => {
    const dir = copy();
    const live = createLiveAssistant({ knowledgeDir: dir });
    const question = '办红本本那块归谁管';
    expect(live.ask(question).answers).toEqual([]);
    const file = join(dir, 'vocabulary.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('synonyms:\n', 'synonyms:\n  红本本: [婚姻登记]\n'));
    expect((await live.reload()).ok).toBe(true);
    expect(live.ask(question).answers[0]?.lead).toEqual(['省民政厅']);
    writeFileSync(file, original);
    expect((await live.reload()).ok).toBe(true);
    expect(live.ask(question).answers).toEqual([]);
  });

  it("the segmenter keeps exactly the current tokenizer's words (an old knowledge base's do not stay)", () => {
    const old = createJiebaTokenizer(['登记处长谈']);
    expect(old.tokenize('婚姻登记处长谈话')).toContain('登记处长谈');
    const next = createJiebaTokenizer(['婚姻登记']);
    expect(next.tokenize('婚姻登记处长谈话')).not.toContain('登记处长谈');
    // The old one, asked again, still segments with its own words.
    expect(old.tokenize('婚姻登记处长谈话')).toContain('登记处长谈');
  });
});

describe('outside_words in vocabulary.yaml', () => {
  it('refuses a question holding one, and kb check refuses a word the document itself uses', async () => {
    const { createAssistant } = await import('../../src/core/assistant.js');
    const { loadKnowledgeBase } = await import('../../src/knowledge/load.js');
    const listed = copy((t) => t.replace(/^outside_words: \[/m, 'outside_words: [养老服务, '));
    const kb = loadKnowledgeBase(listed);
    const e = createAssistant({ kb }).explain('民政那边养老服务谁牵头');
    expect(e.route).toBe('outside');
    expect(e.outside).toEqual({ kind: 'outside-word', word: '养老服务' });
    const own = copy((t) => t.replace(/^outside_words: \[/m, 'outside_words: [婚姻登记, '));
    expect(problems(own)).toContain('knowledge/vocabulary.yaml: outside_words: 「婚姻登记」 stands in the document, so its own questions would be refused');
  });
});
