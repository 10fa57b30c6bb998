// `npm run bench [-- --json] [-- --quick] [-- --check]`: start-up, memory and latency against the targets of
// issue 8, on this machine. Timings belong here, never in tests (`--quick` only checks the shape).
//   cold start   `fanguai ask --json "…"` as a new process, median wall time, against `node -e 0`
//   peak RSS     the largest maxRSS of those processes
//   query        assistant.ask on the eval questions, after one pass that loads the dictionary
//                words they need; p50/p99 over every call
//   scale        the same on a synthetic knowledge base 100× the real one, and its build time
//                (median of three builds)
//   long line    `fanguai ask --json` with one 200,000-character line on stdin (issue 14), the slowest
//                of several shapes (refused text, a question repeated, letters), median of runs
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Assistant } from '../core/assistant.js';
import { createAssistant } from '../core/assistant.js';
import { loadEvalSet } from '../core/evaluation.js';
import { dictionaryInUse } from '../core/tokenizer.js';
import { projectRoot } from '../knowledge/paths.js';
import type { Clause, KnowledgeBase } from '../knowledge/types.js';
import { loadCachedKnowledge } from './cached-assistant.js';
import { parseOrSayUsage, startCli, usageLine } from './command-line.js';
import { isMain } from './is-main.js';

export const TARGETS = {
  coldStartRatio: 5,
  peakRssMb: 100,
  queryP99Us: 1000,
  scaleQueryP99Us: 10_000,
  scaleBuildMs: 1000,
  longLineMs: 1000,
};
/** Shapes of a hostile 200,000-character line: each takes a different path through the analysis. */
const LONG_LINE_SHAPES = ['婚', '谁负责婚姻登记', '收样登计那边咋弄', 'a'];
const longLine = (shape: string) => shape.repeat(Math.ceil(200_000 / shape.length)).slice(0, 200_000);

export interface BenchFigures {
  coldStartMs: number;
  nodeBaselineMs: number;
  coldStartRatio: number;
  peakRssMb: number;
  queryP50Us: number;
  queryP99Us: number;
  buildMs: number;
  clauses: number;
  scaleClauses: number;
  scaleQueryP50Us: number;
  scaleQueryP99Us: number;
  scaleBuildMs: number;
  longLineMs: number;
  targetsMet: {
    coldStart: boolean;
    peakRss: boolean;
    queryP99: boolean;
    scaleQueryP99: boolean;
    scaleBuild: boolean;
    longLine: boolean;
    all: boolean;
  };
  dictionary: string;
  runs: number;
  machine: { cpu: string; cpus: number; node: string; platform: string };
}

const BENCH_QUESTION = '谁负责婚姻登记相关反拐措施';
/** Appended by --import to a measured process: its maxRSS (KiB on Linux) on fd 3 at exit. */
const RSS_HOOK =
  "data:text/javascript,import{writeSync}from'node:fs';process.on('exit',()=>{try{writeSync(3,String(process.resourceUsage().maxRSS))}catch{}})";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

function wallMs(args: string[], input?: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, input === undefined ? { stdio: 'ignore' } : { input, stdio: ['pipe', 'ignore', 'ignore'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}`);
  return ms;
}

function maxRssMb(args: string[]): number {
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, ...args], { stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
  const kib = Number(String(r.output[3] ?? ''));
  if (r.status !== 0 || !kib) throw new Error(`could not measure the memory of ${args.join(' ')}`);
  return kib / 1024;
}

/** Microseconds per ask, every question `rounds` times, after one unmeasured pass. */
function latencies(assistant: Assistant, questions: string[], rounds: number): number[] {
  for (const q of questions) assistant.ask(q);
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const start = performance.now();
      assistant.ask(q);
      out.push((performance.now() - start) * 1e3);
    }
  }
  return out;
}

/**
 * A knowledge base `factor` times the real one, the same every run: each clause is one or two
 * sentences of two or three real phrases (whole phrases, so no new words appear at the joins)
 * under real headings, with real units as lead and cooperating units.
 */
export function syntheticKnowledge(kb: KnowledgeBase, factor: number): KnowledgeBase {
  let seed = 20210801;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  // Phrases, so that sentences are new combinations too (jieba segments sentence by sentence).
  const phrases = kb.clauses.flatMap((c) => c.text.split(/[，。；]/).filter((s) => s.length > 3));
  const units = kb.units.map((u) => u.name);
  const clauses: Clause[] = [];
  // Staff example questions scale with the clauses: each copy keeps its model clause's examples.
  const examples: Record<string, string[]> = {};
  for (let i = 0; i < kb.clauses.length * factor; i++) {
    const base = kb.clauses[next(kb.clauses.length)];
    const modelExamples = kb.examples?.[base.id];
    if (modelExamples) examples[`s${i}`] = modelExamples;
    const sentence = () => Array.from({ length: 2 + next(2) }, () => phrases[next(phrases.length)]).join('，');
    const parts = Array.from({ length: 1 + next(2) }, sentence);
    const lead = [units[next(units.length)]];
    const cooperate = [...new Set(Array.from({ length: next(4) }, () => units[next(units.length)]))].filter((u) => u !== lead[0]);
    clauses.push({
      ...base,
      id: `s${i}`,
      path: `${base.path}（${i}）`,
      text: parts.join('。') + '。',
      lead,
      cooperate,
      provenance: [],
    });
  }
  return { ...kb, clauses, examples, version: `synthetic-${factor}` };
}

export async function runBench(options: { quick?: boolean } = {}): Promise<BenchFigures> {
  const quick = options.quick ?? false;
  const runs = quick ? 1 : 5;
  const factor = quick ? 2 : 100;
  const rounds = quick ? 1 : 5;
  const bin = join(projectRoot(), 'dist', 'src', 'cli', 'fanguai.js');
  const ask = [bin, 'ask', '--json', BENCH_QUESTION];

  // One unmeasured run of each: disk cache, knowledge cache.
  wallMs(['-e', '0']);
  wallMs(ask);
  const baseline: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so a busy moment of the machine weighs on both alike.
    baseline.push(wallMs(['-e', '0']));
    cold.push(wallMs(ask));
  }
  const rss = Array.from({ length: runs }, () => maxRssMb(ask));
  const longLineMs = Math.max(
    ...LONG_LINE_SHAPES.map((shape) => {
      const input = longLine(shape) + '\n';
      return median(Array.from({ length: quick ? 1 : 3 }, () => wallMs(ask.slice(0, -1), input)));
    }),
  );

  const kb = await loadCachedKnowledge();
  const questions = loadEvalSet(join(projectRoot(), 'tests', 'fixtures', 'eval')).map((c) => c.question);
  createAssistant({ kb }).ask(BENCH_QUESTION); // the dictionary loaded before timing a build
  let start = process.hrtime.bigint();
  const assistant = createAssistant({ kb });
  const buildMs = Number(process.hrtime.bigint() - start) / 1e6;
  const real = latencies(assistant, questions, rounds);

  const big = syntheticKnowledge(kb, factor);
  // The median of three builds (the first included), as for start-up: one build is one sample
  // of a machine that other work may be slowing.
  const builds: number[] = [];
  let scaled: Assistant | undefined;
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    start = process.hrtime.bigint();
    scaled = createAssistant({ kb: big });
    builds.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const scaleBuildMs = median(builds);
  const scale = latencies(scaled!, questions, rounds);

  const coldStartMs = median(cold);
  const nodeBaselineMs = median(baseline);
  const peakRssMb = Math.max(...rss);
  const queryP99Us = percentile(real, 99);
  const scaleQueryP99Us = percentile(scale, 99);
  const met = {
    coldStart: coldStartMs <= TARGETS.coldStartRatio * nodeBaselineMs,
    peakRss: peakRssMb <= TARGETS.peakRssMb,
    queryP99: queryP99Us <= TARGETS.queryP99Us,
    scaleQueryP99: scaleQueryP99Us <= TARGETS.scaleQueryP99Us,
    scaleBuild: scaleBuildMs <= TARGETS.scaleBuildMs,
    longLine: longLineMs <= TARGETS.longLineMs,
  };
  const dict = dictionaryInUse();
  const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    coldStartMs: round(coldStartMs),
    nodeBaselineMs: round(nodeBaselineMs),
    coldStartRatio: round(coldStartMs / nodeBaselineMs, 2),
    peakRssMb: round(peakRssMb),
    queryP50Us: round(percentile(real, 50), 0),
    queryP99Us: round(queryP99Us, 0),
    buildMs: round(buildMs),
    clauses: kb.clauses.length,
    scaleClauses: big.clauses.length,
    scaleQueryP50Us: round(percentile(scale, 50), 0),
    scaleQueryP99Us: round(scaleQueryP99Us, 0),
    scaleBuildMs: round(scaleBuildMs),
    longLineMs: round(longLineMs),
    targetsMet: { ...met, all: Object.values(met).every(Boolean) },
    dictionary:
      dict.kind === 'trimmed' && dict.manifest
        ? `trimmed, ${dict.manifest.words} of ${dict.manifest.sourceWords} words`
        : `full (${dict.reason ?? ''})`,
    runs,
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cpus: cpus().length, node: process.version, platform: process.platform },
  };
}

export function formatBench(f: BenchFigures): string {
  const ok = (b: boolean) => (b ? 'met' : 'MISSED');
  const rows: [string, string, string, string][] = [
    ['one-shot ask (median)', `${f.coldStartMs} ms = ${f.coldStartRatio}× node -e 0 (${f.nodeBaselineMs} ms)`, `≤ ${TARGETS.coldStartRatio}×`, ok(f.targetsMet.coldStart)],
    ['peak RSS of ask', `${f.peakRssMb} MB`, `≤ ${TARGETS.peakRssMb} MB`, ok(f.targetsMet.peakRss)],
    [`query, ${f.clauses} clauses`, `p50 ${f.queryP50Us} µs, p99 ${f.queryP99Us} µs`, `p99 ≤ ${TARGETS.queryP99Us} µs`, ok(f.targetsMet.queryP99)],
    ['index build', `${f.buildMs} ms`, '', ''],
    [`query, ${f.scaleClauses} clauses`, `p50 ${f.scaleQueryP50Us} µs, p99 ${f.scaleQueryP99Us} µs`, `p99 ≤ ${TARGETS.scaleQueryP99Us} µs`, ok(f.targetsMet.scaleQueryP99)],
    [`index build, ${f.scaleClauses} clauses`, `${f.scaleBuildMs} ms`, `≤ ${TARGETS.scaleBuildMs} ms`, ok(f.targetsMet.scaleBuild)],
    ['ask, one 200,000-char line', `${f.longLineMs} ms (slowest shape)`, `≤ ${TARGETS.longLineMs} ms`, ok(f.targetsMet.longLine)],
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  return [
    ...rows.map((r) => `${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`.trimEnd()),
    '',
    `dictionary: ${f.dictionary}; ${f.runs} run(s) each`,
    `machine: ${f.machine.cpu}, ${f.machine.cpus} CPUs, node ${f.machine.node}, ${f.machine.platform}`,
    f.targetsMet.all ? 'all targets met' : 'some targets MISSED',
  ].join('\n');
}

const OPTIONS = {
  json: { type: 'boolean' },
  quick: { type: 'boolean' },
  check: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
const USAGE = 'npm run -s bench -- [--json] [--quick] [--check]';

/** `--check`: exit 1 when a target is missed, for a gate on a quiet machine (CI's machines are not). */
export async function runBenchCli(
  argv: string[],
  out: { write(s: string): unknown },
  err: { write(s: string): unknown },
  bench: typeof runBench = runBench,
): Promise<number> {
  const parsed = parseOrSayUsage(argv, OPTIONS, { name: 'bench', usage: USAGE }, err);
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  if (values.help) {
    out.write(`usage: ${USAGE}\n  --json   one JSON object\n  --quick  a short run that only checks the benchmark works\n  --check  exit 1 when a target is missed\n`);
    return 0;
  }
  if (positionals.length > 0) {
    err.write(usageLine(`bench: unexpected argument ${positionals[0]}`, USAGE));
    return 2;
  }
  const figures = await bench({ quick: values.quick === true });
  out.write((values.json ? JSON.stringify(figures) : formatBench(figures)) + '\n');
  return values.check && !figures.targetsMet.all ? 1 : 0;
}

if (isMain(import.meta.url)) {
  startCli();
  runBenchCli(process.argv.slice(2), process.stdout, process.stderr)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
