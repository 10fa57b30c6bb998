// The real `node dist/src/cli/start.js` on a pipe (the console chat), kept open so a test can talk
// to it line by line, edit the knowledge in between, and send it signals.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/knowledge/paths.js';
import { cleanEnv } from '../support/run-process.js';
import { tempDir } from '../support/temp-dir.js';

export interface ConsoleProcess {
  child: ChildProcessWithoutNullStreams;
  readonly stdout: string;
  readonly stderr: string;
  /** Send one line; resolves with everything printed after it once `until` holds. */
  say(line: string, until: RegExp): Promise<string>;
  waitForStderr(pattern: RegExp, from?: number): Promise<void>;
  stop(): Promise<number | null>;
}

export function startConsole(knowledgeDir: string): ConsoleProcess {
  const script = join(projectRoot(), 'dist/src/cli/start.js');
  if (!existsSync(script)) throw new Error('dist/ is missing: run `npm run build`');
  const dataDir = tempDir('console-data-');
  // The cwd has no .env, so only this environment counts.
  const child = spawn(process.execPath, [script], {
    cwd: dataDir,
    env: cleanEnv({ KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir, LOG_LEVEL: 'info' }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

  const poll = async (check: () => boolean, what: string, timeoutMs = 20000) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (child.exitCode !== null) throw new Error(`the console exited (${child.exitCode}) waiting for ${what}; stderr: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stdout: ${stdout.slice(-500)} stderr: ${stderr.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    async say(line, until) {
      const from = stdout.length;
      child.stdin.write(`${line}\n`);
      await poll(() => until.test(stdout.slice(from)), `${until} after 「${line}」`);
      return stdout.slice(from);
    },
    async waitForStderr(pattern, from = 0) {
      await poll(() => pattern.test(stderr.slice(from)), String(pattern));
    },
    async stop() {
      child.stdin.end();
      return exited;
    },
  };
}
