// Long input to `ask` (the real built command): cut at the chat's limit with the chat's message,
// in batch mode as well, and the other lines answered as ever. A line of 200,000 letters used to
// take 87 s (quadratic analysis) and was never cut.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS } from '../../src/chat/sanitize.js';
import { projectRoot } from '../../src/knowledge/paths.js';

const root = projectRoot();
const ask = (args: string[], input = '') =>
  spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'ask.js'), ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
const cutNotice = (where: string, length: number) =>
  `${where}问题太长了（${length} 字），只按前 ${MAX_QUESTION_CHARS} 字回答；请只问要问的那一句（${MAX_QUESTION_CHARS}字以内）。\n`;

describe('ask with long input', { timeout: 60_000 }, () => {
  it('cuts a 200,000-letter line in batch mode, says so, and answers the lines around it', () => {
    const lines = ['谁负责婚姻登记相关反拐措施', 'a'.repeat(200_000), '净网行动谁负责'];
    const run = ask(['--json'], lines.join('\n') + '\n');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(cutNotice('第 2 行：', 200_000));
    const replies = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { question: string; intent: string; answers: Array<{ lead: string[] }> });
    expect(replies.map((r) => r.question)).toEqual([lines[0], 'a'.repeat(MAX_QUESTION_CHARS), lines[2]]);
    expect(replies[0]!.answers[0]!.lead).toEqual(['省民政厅']);
    expect(replies[1]!.intent).toBe('out-of-scope');
    expect(replies[2]!.answers[0]!.lead).toEqual(['省公安厅']);
  });

  it('cuts a long question given as an argument, with the same message', () => {
    const question = `谁负责婚姻登记相关反拐措施${'。'.repeat(5000)}`;
    const run = ask(['--json', question]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(cutNotice('', question.length));
    expect(JSON.parse(run.stdout).answers[0].lead).toEqual(['省民政厅']);
  });

  it('leaves a question at the limit alone', () => {
    const question = `谁负责婚姻登记相关反拐措施${' '.repeat(MAX_QUESTION_CHARS - 13)}`;
    expect(question.length).toBe(MAX_QUESTION_CHARS);
    const run = ask(['--json', question]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).answers[0].lead).toEqual(['省民政厅']);
  });
});
