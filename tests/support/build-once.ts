// vitest globalSetup: the tests that run the real processes (npm start, the CLIs, the bin) run
// dist/, so build it from the sources under test first instead of trusting whatever dist/ holds.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  try {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
    const stdout = String((error as { stdout?: Buffer }).stdout ?? '');
    throw new Error(`npm run build failed before the tests:\n${stdout}${stderr}`);
  }
}
