// ./.env as every entry point reads it: the environment wins, and a careless file is refused with
// one line naming .env — a FIFO at once (never waited on), a huge file, a line that is not NAME=value.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDotEnv, MAX_DOT_ENV_BYTES } from '../../src/config/dot-env.js';
import { tempDir } from '../support/temp-dir.js';

function dotEnv(text: string): string {
  const file = join(tempDir('dot-env-'), '.env');
  writeFileSync(file, text);
  return file;
}

describe('loadDotEnv', () => {
  it('sets what the environment does not, and leaves what it does', () => {
    const env: NodeJS.ProcessEnv = { DATA_DIR: '/from/environment' };
    loadDotEnv(env, dotEnv('# comment\nDATA_DIR=./data\nKNOWLEDGE_DIR="./my knowledge"\nLOG_LEVEL=\n'));
    expect(env).toEqual({ DATA_DIR: '/from/environment', KNOWLEDGE_DIR: './my knowledge', LOG_LEVEL: '' });
  });

  it('is fine without a file', () => {
    const env: NodeJS.ProcessEnv = {};
    loadDotEnv(env, join(tempDir('dot-env-'), '.env'));
    expect(env).toEqual({});
  });

  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const file = join(tempDir('dot-env-'), '.env');
    execFileSync('mkfifo', [file]);
    expect(() => loadDotEnv({}, file)).toThrow('Configuration error: .env is not a regular file');
  });

  it('refuses a file larger than a .env can be', () => {
    const file = dotEnv(`A=${'x'.repeat(MAX_DOT_ENV_BYTES)}\n`);
    expect(() => loadDotEnv({}, file)).toThrow(/^Configuration error: \.env is larger than 64 KB$/);
  });

  it('names a line that is not NAME=value, in the middle or at the end', () => {
    for (const text of ['DATA_DIR=./data\nthis is not a setting\nPORT=3000\n', 'DATA_DIR=./data\nthis is not a setting\n']) {
      const env: NodeJS.ProcessEnv = {};
      expect(() => loadDotEnv(env, dotEnv(text))).toThrow('Configuration error: .env has a line that is not NAME=value: "this is not a setting"');
      expect(env).toEqual({});
    }
  });

  it('takes a quoted value over several lines', () => {
    const env: NodeJS.ProcessEnv = {};
    loadDotEnv(env, dotEnv('NOTE="first line\nsecond line"\nexport PORT=3000\n'));
    expect(env).toEqual({ NOTE: 'first line\nsecond line', PORT: '3000' });
  });
});
