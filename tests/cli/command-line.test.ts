// The command-line tools as a user meets them: a wrong argument gets one line with the usage and
// exit code 2, `help` the full usage, a closed pipe (`| head -1`) ends quietly, and bench --check
// fails when a target is missed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBenchCli, type BenchFigures } from '../../src/cli/bench.js';
import { projectRoot } from '../../src/knowledge/paths.js';

const root = projectRoot();
const cli = (name: string) => join(root, 'dist', 'src', 'cli', `${name}.js`);
const run = (name: string, args: string[]) => spawnSync(process.execPath, [cli(name), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('argument errors', () => {
  it.each([
    ['kb', ['check', '--nope'], 'kb: unknown option --nope; usage: npm run kb -- '],
    ['kb', ['frobnicate'], 'kb: unknown command frobnicate; usage: npm run kb -- '],
    ['kb', ['misses', '--since'], 'kb: --since needs a value; usage: npm run kb -- '],
    ['kb', ['test'], 'kb test: which question?; usage: npm run kb -- test "问题" [--json]'],
    ['quiz', ['export', '--out'], 'quiz: --out needs a value; usage: npm run quiz -- export|report|backup [--out file] [--data-dir DIR]'],
    ['quiz', ['import'], 'quiz: unknown command import; usage: npm run quiz -- export|report|backup'],
    ['quiz', ['export', '--since', '2026-01-01'], 'quiz: --since does not go with export; usage: npm run quiz -- '],
    ['ask', ['--jsn', '婚姻登记'], 'ask: unknown option --jsn; usage: npm run -s ask -- [--json] "问题"'],
    ['eval', ['--swep'], 'eval: unknown option --swep; usage: npm run -s eval -- '],
    ['bench', ['--qiuck'], 'bench: unknown option --qiuck; usage: npm run -s bench -- '],
    ['fanguai', ['frobnicate'], 'fanguai: unknown command frobnicate; usage: fanguai ask|kb|eval|quiz|start|bench'],
  ])('%s %j exits 2 with one line', (name, args, line) => {
    const r = run(name, args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([expect.stringContaining(line), '']);
    expect(r.stderr.startsWith(line)).toBe(true);
  });

  it('help prints the full usage on standard output', () => {
    const kb = run('kb', ['help']);
    expect(kb.status).toBe(0);
    expect(kb.stdout).toContain('sentences [doc-id]');
    expect(run('quiz', ['--help']).stdout).toContain('export   write the scores as CSV');
  });
});

describe('kb sentences', () => {
  it('names an unknown document instead of printing nothing', () => {
    const r = run('kb', ['sentences', 'nosuch']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('kb sentences: no document nosuch; documents: fujian-provincial\n');
  });

  it('ends quietly when the reader stops reading (| head -1)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli('kb')}" sentences | head -1`], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toBe('# fujian-provincial (sources/fujian-provincial-2021.txt)\n');
    expect(r.stderr).toBe('');
  });
});

describe('bench --check', () => {
  const figures = (all: boolean) =>
    ({
      coldStartMs: 1, nodeBaselineMs: 1, coldStartRatio: 1, peakRssMb: 1, queryP50Us: 1, queryP99Us: 1, buildMs: 1, clauses: 1,
      scaleClauses: 1, scaleQueryP50Us: 1, scaleQueryP99Us: 1, scaleBuildMs: 1, longLineMs: 1,
      targetsMet: { coldStart: all, peakRss: true, queryP99: true, scaleQueryP99: true, scaleBuild: true, longLine: true, all },
      dictionary: 'trimmed', runs: 1, machine: { cpu: 'x', cpus: 1, node: 'v20', platform: 'linux' },
    }) satisfies BenchFigures;
  const sink = () => {
    let text = '';
    return { write: (s: string) => (text += s), get text() { return text; } };
  };

  it('exits 1 when a target is missed, and says so', async () => {
    const out = sink();
    expect(await runBenchCli(['--check'], out, sink(), async () => figures(false))).toBe(1);
    expect(out.text).toContain('some targets MISSED');
  });

  it('exits 0 when every target is met, and without --check whatever the figures', async () => {
    expect(await runBenchCli(['--check'], sink(), sink(), async () => figures(true))).toBe(0);
    expect(await runBenchCli([], sink(), sink(), async () => figures(false))).toBe(0);
  });
});
