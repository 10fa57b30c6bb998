// ./.env, read the same way by every entry point (npm start, ask, kb, quiz, eval, bench and the
// fanguai bin), so an administrator's DATA_DIR or KNOWLEDGE_DIR means the same store everywhere.
// Variables already set in the environment win over the file.
import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigError } from './config-error.js';

/** A .env is a few lines of settings; anything bigger is not one. */
export const MAX_DOT_ENV_BYTES = 64 * 1024;

/**
 * Copies the settings of `file` (default ./.env) into `env` where not already set. No file is fine;
 * one that is not a regular file, too big or unreadable throws ConfigError naming .env.
 */
export function loadDotEnv(env: NodeJS.ProcessEnv = process.env, file: string = resolve('.env')): void {
  let fd: number;
  try {
    // Non-blocking, so a FIFO planted as .env is refused instead of waited on.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new ConfigError('.env', `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let text: string;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ConfigError('.env', 'is not a regular file');
    if (stat.size > MAX_DOT_ENV_BYTES) throw new ConfigError('.env', `is larger than ${MAX_DOT_ENV_BYTES / 1024} KB`);
    const buffer = Buffer.alloc(stat.size);
    const read = readSync(fd, buffer, 0, stat.size, 0);
    text = buffer.subarray(0, read).toString('utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError('.env', `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
  const bad = notASetting(text);
  if (bad !== undefined) throw new ConfigError('.env', `has a line that is not NAME=value: "${bad.slice(0, 40)}"`);
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] === undefined) env[name] = value;
  }
}

/** The first line that is neither NAME=value, a comment nor blank (Node's parser drops or merges it). */
function notASetting(text: string): string | undefined {
  let openQuote: string | undefined; // inside a quoted value that spans lines
  for (const line of text.split(/\r?\n/u)) {
    if (openQuote) {
      if (line.includes(openQuote)) openQuote = undefined;
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const setting = /^(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=\s*(.*)$/u.exec(trimmed);
    if (!setting) return trimmed;
    const value = setting[1]!;
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && !value.slice(1).includes(quote)) openQuote = quote;
  }
  return undefined;
}

/** For an entry point's first line: reads ./.env, or prints the one-line reason and exits 2. */
export function loadDotEnvOrExit(): void {
  try {
    loadDotEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
