// 每日一题 on the console — how an administrator tries it out: the console chat as start.ts runs it
// (the real chat handler, the console's push sender, the quiz on a SQLite file), on a fake clock.
// The question is printed at the set time without anyone typing, answered, and not printed again by a
// new console on the same file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../../adapters/console/index.js';
import { createChatHandler } from '../../../src/chat/create-chat-handler.js';
import { createPushRegistry } from '../../../src/chat/push.js';
import { createQuiz } from '../../../src/quiz/create-quiz.js';
import { databasePath, openDatabase } from '../../../src/store/open-database.js';
import { fakeAssistant } from '../../chat/fake-assistant.js';
import { createFakeScheduler, shanghai, type FakeScheduler } from '../../quiz/fake-scheduler.js';
import { realKb } from '../../quiz/quiz-harness.js';
import { lastDailyQuestion } from '../../quiz/solve.js';
import { startConsole as startProcess } from '../../quiz/console-process.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A console chat on the data in `dir`; type() writes a line and waits until something is printed. */
function startConsole(clock: FakeScheduler) {
  dir ??= mkdtempSync(join(tmpdir(), 'fanguai-daily-console-'));
  const db = openDatabase(databasePath(dir));
  const push = createPushRegistry();
  const quiz = createQuiz({ db, getKnowledge: realKb, push, timeoutSeconds: 30, scheduler: clock });
  const handler = createChatHandler({ assistant: fakeAssistant(), prefixes: ['反拐'], commands: [quiz.command], interceptors: [quiz.interceptor] });
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const done = runConsoleChat({ handler, input, output, interactive: false, push });
  quiz.start();
  const settle = () => new Promise((r) => setTimeout(r, 50));
  return {
    get printed() {
      return printed;
    },
    async type(line: string) {
      const from = printed.length;
      input.write(`${line}\n`);
      for (let i = 0; i < 100 && printed.length === from; i++) await settle();
      return printed.slice(from).trim();
    },
    settle,
    async end() {
      input.end();
      await done;
      quiz.close();
      db.close();
    },
  };
}

describe('每日一题 on the console', () => {
  it('prints the question at the set time, takes the answer, and a restarted console does not print it again', async () => {
    const clock = createFakeScheduler(shanghai('2026-12-01 09:00'));
    const first = startConsole(clock);
    expect(await first.type('/quiz daily on 09:30')).toBe('每日一题已开启：每天 09:30（Asia/Shanghai）出一题，范围：全部条款，60分钟后公布答案。今天就开始。');
    const before = first.printed.length;
    clock.advance(30 * 60_000);
    await first.settle();
    const posted = first.printed.slice(before);
    expect(posted).toMatch(/^每日一题（(负责|配合)）12月1日\n/u);
    expect(posted).toContain('回复字母或单位名称，每人一次，10:30 公布答案。');
    const q = lastDailyQuestion(posted, realKb());
    expect(await first.type(q.right)).toBe('正确！+10 分，已连续1天答对。');
    expect(await first.type('我的成绩')).toContain('连续答对：1天（最长1天）。');
    await first.end();

    const later = createFakeScheduler(shanghai('2026-12-01 09:50'));
    const second = startConsole(later);
    await second.settle();
    later.advance(5 * 60_000);
    await second.settle();
    expect(second.printed).toBe('');
    expect(await second.type('每日一题')).toContain('今天：已出题（09:30），10:30 公布答案');
    await second.end();
  });

  it('is wired into npm start with QUIZ_TIME_ZONE, and a bad time zone stops start-up in one line', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fanguai-daily-start-'));
    const app = startProcess({ DATA_DIR: dir, QUIZ_TIME_ZONE: 'Europe/Berlin', QUIZ_DAILY_WINDOW_MINUTES: '15' });
    app.send('/quiz daily on 23:59 二（一）');
    const out = await app.waitFor((o) => o.includes('每日一题已开启'), 'the confirmation');
    expect(out).toContain('每日一题已开启：每天 23:59（Europe/Berlin）出一题，范围：第二（一）部分，15分钟后公布答案。');
    expect(await app.end()).toBe(0);

    const bad = startProcess({ DATA_DIR: dir, QUIZ_TIME_ZONE: 'Asia/Atlantis' });
    expect(await bad.end()).toBe(2);
    expect(bad.stderr).toBe('Configuration error: QUIZ_TIME_ZONE must be an IANA time zone such as Asia/Shanghai (got "Asia/Atlantis")\n');
  });
});
