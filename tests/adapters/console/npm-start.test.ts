// The real `npm start` process with no chat credentials: the console chat on a pipe.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv } from '../../support/run-process.js';

const root = resolve(import.meta.dirname, '../../..');
let dataDir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment without any chat platform setting, so `npm start` picks the console. */
const consoleEnv = (extra: Record<string, string> = {}) => cleanEnv({ DATA_DIR: dataDir, ...extra });

function npmStart(input: string, extra: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['start', '--silent'], { cwd: root, env: consoleEnv(extra), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'fanguai-console-'));
  if (!existsSync(join(root, 'dist/src/cli/start.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it in pretest)');
  }
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start (console)', () => {
  it('answers piped questions in order and exits at the end of input', async () => {
    const run = await npmStart(['谁负责婚姻登记相关反拐措施', '全文', '/help', '民政厅负责哪些工作', ''].join('\n'));
    expect(run.code).toBe(0);
    const { stdout } = run;
    const answer = stdout.indexOf('负责：省民政厅');
    expect(answer).toBeGreaterThanOrEqual(0);
    expect(stdout).toContain('配合：省公安厅');
    const help = stdout.indexOf('/help（或「帮助」）');
    expect(help).toBeGreaterThan(answer);
    expect(stdout.indexOf('省民政厅：负责')).toBeGreaterThan(help);
    // No prompt or banner on a pipe: only answers.
    expect(stdout).not.toContain('> ');
    expect(stdout).not.toContain('Ctrl+D');
    // State lives under DATA_DIR: what is being served, for `npm run kb -- diff`.
    expect(existsSync(join(dataDir, 'served-knowledge.json'))).toBe(true);
  });

  it('holds a short conversation: follow-ups, a digest and a number replied', async () => {
    const run = await npmStart(['那配合的呢', '谁负责婚姻登记', '那配合的呢', '那收养呢', '这条全文', '省民政厅负责哪些工作', '1', ''].join('\n'));
    expect(run.code).toBe(0);
    const { stdout } = run;
    const nothing = stdout.indexOf('请直接问，例如');
    const coop = stdout.indexOf('二（一）3（1） 的配合单位：省公安厅。');
    const adoption = stdout.indexOf('完善儿童收养制度');
    const whole = stdout.indexOf('挤压非法收留抚养行为生存空间');
    const digest = stdout.search(/省民政厅：负责 \d+ 项，配合 \d+ 项。/);
    expect(nothing).toBeGreaterThanOrEqual(0);
    expect(coop).toBeGreaterThan(nothing);
    expect(adoption).toBeGreaterThan(coop);
    expect(whole).toBeGreaterThan(adoption);
    expect(digest).toBeGreaterThan(whole);
    const first = /\n1\. (\S+)/.exec(stdout.slice(digest))![1]!;
    expect(stdout.slice(digest).split('回复编号看全文')[1]).toContain(`${first}｜`);
  });

  it('gives bad input a short reply and keeps answering', async () => {
    const run = await npmStart(['x'.repeat(100 * 1024), '😀😀😀', '\u0001\u0002', '谁负责婚姻登记相关反拐措施', ''].join('\n'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('太长');
    expect(run.stdout).toContain('请用文字提问');
    expect(run.stdout).toContain('负责：省民政厅');
  });

  it('stops on a malformed setting with one line naming it', async () => {
    const run = await npmStart('谁负责婚姻登记相关反拐措施\n', { PORT: 'abc' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('PORT');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to start on a FIFO and a link to /dev/zero in the knowledge, one line each, instead of hanging', async () => {
    const knowledge = mkdtempSync(join(tmpdir(), 'fanguai-knowledge-'));
    try {
      cpSync(join(root, 'knowledge'), knowledge, { recursive: true });
      expect(spawnSync('mkfifo', [join(knowledge, 'documents', 'county.yaml')]).status).toBe(0);
      symlinkSync('/dev/zero', join(knowledge, 'documents', 'zero.yaml'));
      const run = await npmStart('谁负责婚姻登记相关反拐措施\n', { KNOWLEDGE_DIR: knowledge });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `Knowledge error in ${knowledge} (run \`npm run kb -- check\`):\n` +
          '  knowledge/documents/county.yaml: is a FIFO (named pipe); only regular files are read\n' +
          '  knowledge/documents/zero.yaml: leads outside knowledge/ (a symbolic link); only links within knowledge/ are followed\n',
      );
    } finally {
      rmSync(knowledge, { recursive: true, force: true });
    }
  });
});
