// The real `npm start` process (node dist/src/cli/start.js, what the script runs) with only the
// variables a test gives it: every platform variable of the outer environment is dropped, the cwd is
// a temp dir without .env, DATA_DIR is a fresh temp dir.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/knowledge/paths.js';
import { cleanEnv } from './run-process.js';

export interface StartedProcess {
  child: ChildProcessWithoutNullStreams;
  readonly stdout: string;
  readonly stderr: string;
  dataDir: string;
  /** Waits until stderr matches (fails early if the process exits). */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code; removes DATA_DIR. */
  stop(): Promise<number | null>;
}

export function startProcess(vars: Record<string, string>): StartedProcess {
  const script = join(projectRoot(), 'dist/src/cli/start.js');
  if (!existsSync(script)) throw new Error('dist/ is missing: run `npm run build`');
  const dataDir = mkdtempSync(join(tmpdir(), 'fanguai-start-'));
  const child = spawn(process.execPath, [script], {
    cwd: dataDir,
    env: cleanEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'info', ...vars }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    dataDir,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    async waitForStderr(pattern, timeoutMs = 30000) {
      const until = Date.now() + timeoutMs;
      while (!pattern.test(stderr)) {
        if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}) before ${pattern}; stderr:\n${stderr}`);
        if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; stderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
