// The `ask` command-line contract, through the real built command (`npm test` builds dist/ first).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/knowledge/paths.js';

const root = projectRoot();
const cli = join(root, 'dist', 'src', 'cli', 'ask.js');

function ask(args: string[], input = '') {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(cli)) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
});

describe('npm run ask', { timeout: 60_000 }, () => {
  it('--json "问题" prints one object with the contract fields', () => {
    const { code, out } = ask(['--json', '谁负责婚姻登记相关反拐措施']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const reply = JSON.parse(lines[0]);
    expect(Object.keys(reply)).toEqual(['question', 'intent', 'answers']);
    expect(reply.intent).toBe('responsibility');
    expect(Object.keys(reply.answers[0])).toEqual(['id', 'path', 'title', 'text', 'lead', 'cooperate', 'score', 'version', 'confidence']);
    // The version quoted: the one knowledge/documents/fujian-provincial.yaml records.
    expect(reply.answers[0]).toMatchObject({ path: '二（一）3（1）', lead: ['省民政厅'], cooperate: ['省公安厅'], version: '2021年版', confidence: 'high' });
  });

  it('--json with no question answers stdin line by line, in order, skipping blank lines', () => {
    const questions = ['今天天气怎么样', '婚姻登記誰負責', '', '民政厅负责哪些工作', '二(一)3(1)'];
    const { code, out } = ask(['--json'], questions.join('\n') + '\n');
    expect(code).toBe(0);
    const replies = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(replies.map((r) => r.question)).toEqual(questions.filter(Boolean));
    expect(replies.map((r) => r.intent)).toEqual(['out-of-scope', 'responsibility', 'unit-duties', 'clause-lookup']);
    expect(replies[0].answers).toEqual([]);
    expect(replies[1].answers[0].lead).toEqual(['省民政厅']);
    expect(replies[2].answers.length).toBeGreaterThan(5);
    expect(replies[2].answers.every((a: { lead: string[]; cooperate: string[] }) =>
      [...a.lead, ...a.cooperate].includes('省民政厅'))).toBe(true);
  });

  it('without --json prints replies as a person reads them, a refusal with suggestions', () => {
    const { code, out } = ask([], 'KTV陪酒归谁管\n谁负责公车管理\n');
    expect(code).toBe(0);
    const [answer, refusal] = out.split('\n\n实施细则里没有找到');
    expect(answer).toContain('负责：省公安厅、省文旅厅、省民政厅');
    expect(answer).toContain('娱乐服务场所');
    expect(out).not.toContain('{');
    expect(refusal).toContain('谁负责婚姻登记相关反拐措施');
  });

  it('marks each answer high or low: a typo read as the document word is low; out-of-scope has no answer; a unit keeps every clause', () => {
    const { out } = ask(['--json'], '婚姻登计谁负责\n今天天气怎么样\n省公安厅负责哪些工作\n');
    const [typo, weather, unit] = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(typo.answers[0]).toMatchObject({ path: '二（一）3（1）', confidence: 'low' });
    expect(weather.answers).toEqual([]);
    expect(unit.answers.length).toBeGreaterThan(20);
    for (const a of unit.answers) expect(a).toMatchObject({ confidence: 'high', text: expect.any(String) });
  });

  it('rejects an unknown option with exit code 2', () => {
    const { code, err } = ask(['--jsn', '问题']);
    expect(code).toBe(2);
    expect(err).toContain('unknown option');
  });

  it('reads the knowledge folder named by KNOWLEDGE_DIR and fails loudly when it is wrong', () => {
    const r = spawnSync(process.execPath, [cli, '--json', '婚姻登记'], {
      cwd: root, encoding: 'utf8', env: { ...process.env, KNOWLEDGE_DIR: join(root, 'no-such-dir') },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
  });
});
