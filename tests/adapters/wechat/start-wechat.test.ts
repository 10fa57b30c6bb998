// `npm start`'s WeChat path: the puppet is chosen by WECHATY_PUPPET from the environment.
// wechaty-puppet-mock stands in for a real puppet, so nothing leaves the machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const script = join(root, 'dist/src/cli/start.js');
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'fanguai-wechat-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(WECHATY_|WECHAT_|SLACK_|PORT$)/.test(k)) base[k] = v;
  return { ...base, DATA_DIR: dataDir, LOG_LEVEL: 'info', ...extra };
}

describe('npm start with WECHATY_PUPPET', () => {
  it('starts the WeChat bot with the named puppet, not the console, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [script], { cwd: root, env: env({ WECHATY_PUPPET: 'wechaty-puppet-mock' }), stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    // The console must not be reading: this line would be answered if it were.
    child.stdin.end('谁负责婚姻登记相关反拐措施\n');
    const until = Date.now() + 25000;
    while (!stderr.includes('WeChat started with wechaty-puppet-mock')) {
      if (Date.now() > until || child.exitCode !== null) throw new Error(`did not start:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).not.toContain('省民政厅');
  });

  it('refuses a puppet service without a token, naming the variable', async () => {
    const child = spawn(process.execPath, [script], { cwd: root, env: env({ WECHATY_PUPPET: 'wechaty-puppet-service' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('WECHATY_PUPPET_TOKEN');
  });
});
