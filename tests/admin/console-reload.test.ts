// Hot reload in the running console bot — the real process on a pipe, knowledge in a temp copy:
// ask, edit the files, reload (/kb reload or SIGHUP), ask again.
import { afterEach, describe, expect, it } from 'vitest';
import { knowledgeCopy } from '../knowledge/helpers.js';
import { startConsole, type ConsoleProcess } from './console-process.js';
import { corruptProvincialFile, duplicateClauseId, NEW_MARRIAGE, OLD_MARRIAGE, reviseMarriageClause } from './knowledge-edits.js';

const QUESTION = '谁负责婚姻登记相关反拐措施';
// The answer is complete once the clause text is printed.
const ANSWER = /健全完善当事人身份情况/;
let bot: ConsoleProcess | undefined;

afterEach(async () => {
  if (bot && bot.child.exitCode === null) await bot.stop();
  bot = undefined;
});

describe('the console bot (node dist/src/cli/start.js)', () => {
  it('serves an edited clause after /kb reload', async () => {
    const dir = knowledgeCopy();
    bot = startConsole(dir);
    const first = await bot.say(QUESTION, ANSWER);
    expect(first).toContain(OLD_MARRIAGE);
    expect(first).not.toContain(NEW_MARRIAGE);

    reviseMarriageClause(dir);
    expect(await bot.say(QUESTION, ANSWER)).not.toContain(NEW_MARRIAGE);
    const reload = await bot.say('/kb reload', /知识库已重新加载[\s\S]*\n\n/);
    expect(reload).toContain('修改 1');
    expect(await bot.say(QUESTION, ANSWER)).toContain(NEW_MARRIAGE);
    expect(await bot.say('/kb status', /条\n/)).toMatch(/知识库版本 [0-9a-f]{12}，共 \d+ 条条款/);
    expect(await bot.stop()).toBe(0);
  });

  it('keeps answering from the old knowledge after a broken edit, with the error', async () => {
    const dir = knowledgeCopy();
    bot = startConsole(dir);
    await bot.say(QUESTION, ANSWER);
    reviseMarriageClause(dir);
    duplicateClauseId(dir);
    const reload = await bot.say('/kb reload', /重新加载失败[\s\S]*\n\n/);
    expect(reload).toContain('knowledge/documents/fujian-provincial.yaml [p2-1-3-1]: duplicate clause id');
    const again = await bot.say(QUESTION, ANSWER);
    expect(again).toContain(OLD_MARRIAGE);
    expect(again).not.toContain(NEW_MARRIAGE);
  });

  it('reloads on SIGHUP, and a broken edit on SIGHUP leaves the served knowledge alone', async () => {
    const dir = knowledgeCopy();
    bot = startConsole(dir);
    // An answer means start-up is over and the signal handler is in place.
    await bot.say(QUESTION, ANSWER);

    reviseMarriageClause(dir);
    let from = bot.stderr.length;
    bot.child.kill('SIGHUP');
    await bot.waitForStderr(/knowledge reloaded \(SIGHUP\)/, from);
    expect(await bot.say(QUESTION, ANSWER)).toContain(NEW_MARRIAGE);

    corruptProvincialFile(dir);
    from = bot.stderr.length;
    bot.child.kill('SIGHUP');
    await bot.waitForStderr(/knowledge reload \(SIGHUP\) failed; still serving/, from);
    expect(bot.stderr.slice(from)).toContain('knowledge/documents/fujian-provincial.yaml: YAML error at line');
    expect(await bot.say(QUESTION, ANSWER)).toContain(NEW_MARRIAGE);
    expect(await bot.stop()).toBe(0);
  });
});
