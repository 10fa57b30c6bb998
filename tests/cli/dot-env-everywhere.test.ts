// ./.env is read the same way by every entry point. Run from a folder whose .env sets DATA_DIR and
// KNOWLEDGE_DIR (a revised copy of the knowledge), the console, kb, quiz, ask and the bin all use
// them; a variable set in the environment wins; a malformed .env stops each with one line.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/knowledge/paths.js';
import { NEW_MARRIAGE, reviseMarriageClause } from '../admin/knowledge-edits.js';
import { knowledgeCopy } from '../knowledge/helpers.js';
import { tempDir } from '../support/temp-dir.js';

const cli = (name: string) => join(projectRoot(), 'dist', 'src', 'cli', `${name}.js`);
const QUESTION = '谁负责婚姻登记相关反拐措施';
const OUT_OF_SCOPE = '今天食堂吃什么';

/** The environment without any of the program's own settings, so only .env can supply them. */
function bareEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(WECHATY_|WECHAT_|SLACK_|QUIZ_|PORT$|ADMIN_IDS$|KNOWLEDGE_DIR$|DATA_DIR$|LOG_LEVEL$|FANGUAI_|npm_)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function run(cwd: string, script: string, args: string[], input = '', extra: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cli(script), ...args], { cwd, env: bareEnv(extra), input, encoding: 'utf8', timeout: 60_000 });
}

let knowledge: string;
let folder: string;
let state: string;

/** A working folder whose .env names a DATA_DIR outside it and the revised knowledge. */
function folderWithDotEnv(): { folder: string; state: string } {
  const dir = tempDir('fanguai-dotenv-');
  const data = tempDir('fanguai-state-');
  writeFileSync(join(dir, '.env'), `DATA_DIR=${data}\nKNOWLEDGE_DIR=${knowledge}\nLOG_LEVEL=info\n`);
  return { folder: dir, state: data };
}

beforeAll(() => {
  knowledge = knowledgeCopy();
  reviseMarriageClause(knowledge);
  ({ folder, state } = folderWithDotEnv());
  // State for the tools to find: one question nobody can answer, recorded by a console given
  // DATA_DIR in its environment — so only .env can lead the tools below to it.
  const seed = run(folder, 'start', [], `${OUT_OF_SCOPE}\n`, { DATA_DIR: state });
  if (seed.status !== 0) throw new Error(`the console did not run: ${seed.stderr}`);
});

describe('./.env in every entry point', () => {
  it('npm start (the console) answers from KNOWLEDGE_DIR and keeps its state in DATA_DIR', () => {
    const own = folderWithDotEnv();
    const console = run(own.folder, 'start', [], `${QUESTION}\n`);
    expect(console.status, console.stderr).toBe(0);
    expect(console.stdout).toContain(NEW_MARRIAGE);
    expect(existsSync(join(own.state, 'served-knowledge.json'))).toBe(true);
    expect(existsSync(join(own.folder, 'data'))).toBe(false);
  });

  it('kb misses lists what that console could not answer; DATA_DIR in the environment wins', () => {
    const fromDotEnv = run(folder, 'kb', ['misses', '--json']);
    expect(fromDotEnv.status, fromDotEnv.stderr).toBe(0);
    expect((JSON.parse(fromDotEnv.stdout) as Array<{ question: string }>).map((m) => m.question)).toEqual([OUT_OF_SCOPE]);
    const elsewhere = tempDir('fanguai-elsewhere-');
    const fromEnvironment = run(folder, 'kb', ['misses'], '', { DATA_DIR: elsewhere });
    expect(fromEnvironment.stdout).toBe(`no unanswered or flagged questions (no ${join(elsewhere, 'assistant.sqlite')} yet)\n`);
  });

  it('kb diff compares the served snapshot in DATA_DIR with the files in KNOWLEDGE_DIR', () => {
    const diff = run(folder, 'kb', ['diff']);
    expect(diff.status, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('no changes');
  });

  it('quiz export reads the database in DATA_DIR', () => {
    const csv = run(folder, 'quiz', ['export']);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout.replace(/^\uFEFF/u, '').split('\r\n')[0]).toBe('platform,group,group_id,person,person_id,points,answered,correct,last_played');
  });

  it('ask and the fanguai bin answer from KNOWLEDGE_DIR', () => {
    expect(run(folder, 'ask', [QUESTION]).stdout).toContain(NEW_MARRIAGE);
    const json = run(folder, 'fanguai', ['ask', '--json', QUESTION]);
    expect(json.status, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as { answers: Array<{ text: string }> }).answers[0]!.text).toContain(NEW_MARRIAGE);
  });

  it('a malformed .env stops every command with one line naming .env (exit 2)', () => {
    const broken = tempDir('fanguai-bad-dotenv-');
    writeFileSync(join(broken, '.env'), 'DATA_DIR=./data\nnot a setting\n');
    const commands: Array<[string, string[]]> = [
      ['start', []], ['kb', ['check']], ['quiz', ['export']], ['ask', [QUESTION]], ['eval', ['--json']], ['bench', ['--help']], ['fanguai', ['ask', QUESTION]],
    ];
    for (const [script, args] of commands) {
      const r = run(broken, script, args, `${QUESTION}\n`);
      expect(r.status, `${script}: ${r.stderr}`).toBe(2);
      expect(r.stdout, script).toBe('');
      expect(r.stderr, script).toBe('Configuration error: .env has a line that is not NAME=value: "not a setting"\n');
    }
  });
});
