// The installed command (package.json bin) through a real process: `fanguai ask` answers exactly
// as `npm run ask`, and `fanguai bench --json` has its fields (no timing is asserted here).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/knowledge/paths.js';

const root = projectRoot();
const bin = join(root, 'dist', 'src', 'cli', 'fanguai.js');
const QUESTION = '谁负责婚姻登记相关反拐措施';

function run(cmd: string, args: string[], input = '') {
  const r = spawnSync(cmd, args, { cwd: root, input, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('fanguai bin', { timeout: 120_000 }, () => {
  it('is the package.json bin, a node script', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin.fanguai).toBe('dist/src/cli/fanguai.js');
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('ask --json prints the same JSON as npm run ask', () => {
    const viaBin = run(process.execPath, [bin, 'ask', '--json', QUESTION]);
    const viaNpm = run('npm', ['run', '--silent', 'ask', '--', '--json', QUESTION]);
    expect(viaBin.code).toBe(0);
    expect(viaNpm.code).toBe(0);
    expect(viaBin.out).toBe(viaNpm.out);
    expect(JSON.parse(viaBin.out)).toMatchObject({ question: QUESTION, intent: 'responsibility' });
  });

  it('ask --json answers stdin line by line as npm run ask does', () => {
    const input = '医院挂号难谁负责\n民政厅负责哪些工作\n\n二(一)3(1)\n';
    const viaBin = run(process.execPath, [bin, 'ask', '--json'], input);
    const viaNpm = run('npm', ['run', '--silent', 'ask', '--', '--json'], input);
    expect(viaBin.out).toBe(viaNpm.out);
    expect(viaBin.out.trim().split('\n')).toHaveLength(3);
  });

  it('ask without --json prints the text reply; usage errors keep their exit codes', () => {
    const text = run(process.execPath, [bin, 'ask', QUESTION]);
    expect(text.out).toBe(run('npm', ['run', '--silent', 'ask', '--', QUESTION]).out);
    expect(run(process.execPath, [bin, 'ask', '--jsn', QUESTION]).code).toBe(2);
    expect(run(process.execPath, [bin, 'nonsense']).code).toBe(2);
    expect(run(process.execPath, [bin, '--help']).out).toContain('fanguai <command>');
  });

  it('bench --quick --json prints one object with the figures', () => {
    const r = run(process.execPath, [bin, 'bench', '--quick', '--json']);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const figures = JSON.parse(lines[0]);
    for (const field of [
      'coldStartMs', 'nodeBaselineMs', 'peakRssMb', 'queryP50Us', 'queryP99Us',
      'buildMs', 'scaleClauses', 'scaleQueryP99Us', 'scaleBuildMs', 'longLineMs',
    ]) {
      expect(typeof figures[field], field).toBe('number');
      expect(figures[field], field).toBeGreaterThan(0);
    }
    expect(Object.keys(figures.targetsMet).sort()).toEqual(['all', 'coldStart', 'longLine', 'peakRss', 'queryP99', 'scaleBuild', 'scaleQueryP99']);
  });
});
