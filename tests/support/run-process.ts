// Real processes for tests: an environment with none of the developer's assistant settings, and a
// run that collects both streams and the exit code.
import { spawn } from 'node:child_process';
import { ADAPTERS } from '../../adapters/index.js';

/** Every chat platform's variables, from the adapter registry. */
const PLATFORM_VARIABLES = new Set(ADAPTERS.flatMap((a) => Object.keys(a.env)));

/** process.env without any setting the assistant reads, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (PLATFORM_VARIABLES.has(k)) continue;
    if (/^(WECHATY_|WECHAT_|SLACK_|QUIZ_|MISSES_|PORT$|ADMIN_IDS$|KNOWLEDGE_DIR$|DATA_DIR$|LOG_LEVEL$|npm_)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` to its end, with `input` on standard input. */
export function runProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
