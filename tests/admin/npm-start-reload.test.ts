// The README's reload, exactly as printed, against the real `npm start`: the assistant writes its own
// pid to DATA_DIR/fanguai.pid (npm's pid is not it: a HUP to npm would kill npm and orphan the
// assistant), `kill -HUP $(cat data/fanguai.pid)` reloads the knowledge, and a clean exit removes the file.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/knowledge/paths.js';
import { knowledgeCopy } from '../knowledge/helpers.js';
import { cleanEnv } from '../support/run-process.js';
import { tempDir } from '../support/temp-dir.js';
import { NEW_MARRIAGE, OLD_MARRIAGE, reviseMarriageClause } from './knowledge-edits.js';

const QUESTION = '谁负责婚姻登记相关反拐措施';

describe('npm start and kill -HUP $(cat data/fanguai.pid)', () => {
  it('reloads the running assistant and removes the pid file on a clean exit', async () => {
    const knowledge = knowledgeCopy();
    const work = tempDir('fanguai-pid-');
    const dataDir = join(work, 'data');
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: projectRoot(),
      env: cleanEnv({ DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledge, LOG_LEVEL: 'info' }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    npm.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    npm.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => npm.on('close', (code) => resolve(code)));
    const until = async (check: () => boolean, what: string) => {
      const deadline = Date.now() + 30_000;
      while (!check()) {
        if (npm.exitCode !== null || Date.now() > deadline) throw new Error(`no ${what}; stderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const pidFile = join(dataDir, 'fanguai.pid');
    await until(() => stderr.includes(`written to ${pidFile}`), 'pid log line');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(pid).not.toBe(npm.pid);
    expect(stderr).toContain(`pid ${pid}, written to ${pidFile}; reload the knowledge with: kill -HUP $(cat ${pidFile})`);

    npm.stdin.write(`${QUESTION}\n`);
    await until(() => stdout.includes(OLD_MARRIAGE), 'the first answer');
    reviseMarriageClause(knowledge);
    // As printed in the README, run where data/ is.
    execFileSync('sh', ['-c', 'kill -HUP $(cat data/fanguai.pid)'], { cwd: work });
    await until(() => stderr.includes('knowledge reloaded (SIGHUP)'), 'the reload');
    const from = stdout.length;
    npm.stdin.write(`${QUESTION}\n`);
    await until(() => stdout.slice(from).includes('健全完善当事人身份情况'), 'the second answer');
    expect(stdout.slice(from)).toContain(NEW_MARRIAGE);

    npm.stdin.end();
    expect(await exited).toBe(0);
    expect(existsSync(pidFile)).toBe(false);
  });
});
