// The jieba user dictionary is the one temp file: written where no other user can reach it. It
// used to go to a predictable $TMPDIR/fanguai-jieba/<pid>-<n>.utf8, following links, so a local
// user could make the assistant overwrite any file it may write (the quiz database included).
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJiebaTokenizer } from '../../src/core/tokenizer.js';
import { projectRoot } from '../../src/knowledge/paths.js';

const cleanup: string[] = [];
afterEach(() => {
  for (const d of cleanup.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the jieba user dictionary', { timeout: 60_000 }, () => {
  it('never follows a link planted where it used to be written', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'planted-'));
    cleanup.push(tmp);
    const victim = join(tmp, 'assistant.sqlite');
    writeFileSync(victim, 'the quiz scores');
    // The attacker's links, for every name this process would have used.
    mkdirSync(join(tmp, 'fanguai-jieba'));
    for (let n = 1; n <= 200; n++) symlinkSync(victim, join(tmp, 'fanguai-jieba', `${process.pid}-${n}.utf8`));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      // A word jieba must keep whole forces a dictionary load with a user dictionary.
      const tokenizer = createJiebaTokenizer([`反拐临时词${process.pid}`]);
      expect(tokenizer.tokenize(`关于反拐临时词${process.pid}的问题`)).toContain(`反拐临时词${process.pid}`);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(readFileSync(victim, 'utf8')).toBe('the quiz scores');
    expect(readdirSync(join(tmp, 'fanguai-jieba'))).toHaveLength(200);
  });

  it('lives in a private folder (0700) removed as soon as jieba has read it, so a killed process leaves nothing', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'jieba-tmp-'));
    cleanup.push(tmp);
    const tokenizer = join(projectRoot(), 'dist', 'src', 'core', 'tokenizer.js');
    // The folder's mode is read just before it is removed (rmSync seen through the fs module), then
    // the process kills itself: no exit handler runs.
    const script = `
      import fs, { statSync } from 'node:fs';
      import { syncBuiltinESMExports } from 'node:module';
      const rm = fs.rmSync;
      const removed = [];
      fs.rmSync = (p, o) => { try { removed.push([String(p), (statSync(p).mode & 0o777).toString(8)]); } catch {} return rm(p, o); };
      syncBuiltinESMExports();
      const { createJiebaTokenizer } = await import(${JSON.stringify(tokenizer)});
      createJiebaTokenizer(['反拐临时词语']).tokenize('反拐临时词语');
      console.log(JSON.stringify(removed));
      process.kill(process.pid, 'SIGKILL');`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TMPDIR: tmp }, encoding: 'utf8' });
    expect(run.signal).toBe('SIGKILL');
    const removed = (JSON.parse(run.stdout) as Array<[string, string]>).filter(([p]) => p.startsWith(tmp));
    expect(removed).toHaveLength(1);
    expect(removed[0]![0]).toMatch(/\/fanguai-jieba-[^/]+$/);
    expect(removed[0]![1]).toBe('700');
    expect(readdirSync(tmp)).toEqual([]);
  });
});
