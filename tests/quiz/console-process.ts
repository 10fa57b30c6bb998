// The real console process (`npm start`, or node on the built start.js when a test must kill the
// process itself) driven line by line: write a line, wait for what the bot prints.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { cleanEnv } from '../support/run-process.js';

export const root = resolve(import.meta.dirname, '../..');

export interface ConsoleProcess {
  readonly stdout: string;
  readonly stderr: string;
  send(line: string): void;
  /** Waits until stdout after `from` satisfies check; returns that part of stdout. */
  waitFor(check: (out: string) => boolean, what: string, from?: number, timeoutMs?: number): Promise<string>;
  /** Ends input and resolves with the exit code. */
  end(): Promise<number | null>;
  /** SIGKILL: no shutdown code runs. */
  kill(): Promise<void>;
}

export function startConsole(env: Record<string, string>, how: 'npm' | 'node' = 'npm'): ConsoleProcess {
  const child: ChildProcessWithoutNullStreams =
    how === 'npm'
      ? spawn('npm', ['start', '--silent'], { cwd: root, env: cleanEnv(env) })
      : spawn(process.execPath, ['dist/src/cli/start.js'], { cwd: root, env: cleanEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return {
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    send(line) {
      child.stdin.write(`${line}\n`);
    },
    async waitFor(check, what, from = 0, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      while (!check(stdout.slice(from))) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}; stdout:\n${stdout}\nstderr:\n${stderr}`);
        if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ${what}; stderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return stdout.slice(from);
    },
    end() {
      child.stdin.end();
      return exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
