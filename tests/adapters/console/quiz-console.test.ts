// A full quiz through the real console process: start, a wrong answer, a right one, a timeout,
// the ranking; the ranking after a restart; and a SIGKILL mid-quiz that keeps every finished answer.
// Each test has its own DATA_DIR, so each stands on its own.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, startConsole, type ConsoleProcess } from '../../quiz/console-process.js';
import { realKb } from '../../quiz/quiz-harness.js';
import { lastQuestion } from '../../quiz/solve.js';
import { tempDir } from '../../support/temp-dir.js';

const kb = realKb();
const questionCount = (out: string) => (out.match(/第\d+\/\d+题（/gu) ?? []).length;

/** Answers the open questions of a running quiz in turn ('right' or 'wrong'), up to the next one. */
async function answer(app: ConsoleProcess, out: string, answers: Array<'right' | 'wrong'>): Promise<string> {
  for (const which of answers) {
    const q = lastQuestion(out, kb);
    const from = app.stdout.length;
    app.send(q[which]);
    out = await app.waitFor((o) => questionCount(o) === 1 || o.includes('结束'), `the reply to question ${q.index}`, from);
  }
  return out;
}

// Real processes on a shared machine: generous limits (speed is the benchmark's business, not a test's).
describe('quiz in the console (npm start)', { timeout: 180_000 }, () => {
  it('runs a quiz: wrong answer, right answer with 正确, timeout reveal, ranking', async () => {
    const app = startConsole({ DATA_DIR: tempDir('fanguai-quiz-console-'), QUIZ_TIMEOUT_SECONDS: '3' });
    app.send('出题 3');
    let out = await app.waitFor((o) => questionCount(o) === 1, 'question 1');
    expect(out).toContain('开始答题：3题');
    const q1 = lastQuestion(out, kb);

    let from = app.stdout.length;
    app.send(q1.wrong);
    out = await app.waitFor((o) => questionCount(o) === 1, 'question 2', from);
    // Told it is wrong in a message of its own that does not name the answer…
    const [wrongMsg] = out.split('\n\n');
    expect(wrongMsg).toBe('答错了。');
    // …then, as nobody else is in a private chat, the answer with the clause number.
    expect(out).toContain(`第1题答案：${q1.right}. ${q1.options['ABCD'.indexOf(q1.right)]}（条款 ${q1.clausePath}`);
    const q2 = lastQuestion(out, kb);
    expect(q2.index).toBe(2);

    from = app.stdout.length;
    app.send(q2.right);
    out = await app.waitFor((o) => questionCount(o) === 1, 'question 3', from);
    expect(out).toMatch(/^正确！\+10 分（累计 10 分）/u);
    expect(out).toContain(`第2题答案：${q2.right}.`);
    const q3 = lastQuestion(out, kb);

    from = app.stdout.length;
    out = await app.waitFor((o) => o.includes('本轮3题结束'), 'the timeout reveal', from, 60_000);
    expect(out).toContain('时间到，没有人答对。');
    expect(out).toContain(`第3题答案：${q3.right}.`);

    from = app.stdout.length;
    app.send('排行榜');
    out = await app.waitFor((o) => o.includes('排行榜'), 'the ranking', from);
    expect(out).toContain('1. 管理员 10分（答对1/2）');
    expect(await app.end()).toBe(0);
  });

  it('still has the ranking after a restart', async () => {
    const dataDir = tempDir('fanguai-quiz-console-');
    const first = startConsole({ DATA_DIR: dataDir, QUIZ_TIMEOUT_SECONDS: '30' });
    first.send('出题 2');
    const out = await first.waitFor((o) => questionCount(o) === 1, 'question 1');
    await answer(first, out, ['right', 'wrong']);
    expect(await first.end()).toBe(0);

    const app = startConsole({ DATA_DIR: dataDir });
    app.send('/quiz rank');
    const ranking = await app.waitFor((o) => o.includes('排行榜'), 'the ranking');
    expect(ranking).toContain('1. 管理员 10分（答对1/2）');
    expect(await app.end()).toBe(0);
  });

  it('keeps every finished question after the process is killed mid-quiz, and the export sees them', async () => {
    const dataDir = tempDir('fanguai-quiz-console-');
    // node itself, not npm: SIGKILL must hit the process that holds the database.
    const app = startConsole({ DATA_DIR: dataDir, QUIZ_TIMEOUT_SECONDS: '30' }, 'node');
    app.send('出题 5');
    const out = await app.waitFor((o) => questionCount(o) === 1, 'question 1');
    await answer(app, out, ['right', 'right', 'wrong']);
    // Question 4 is open and unanswered: the one in flight.
    await app.kill();

    const again = startConsole({ DATA_DIR: dataDir }, 'node');
    again.send('我的成绩');
    const me = await again.waitFor((o) => o.includes('答题'), 'my score');
    expect(me).toContain('这里：20分，答题3次，答对2次（67%），第1名。');
    expect(await again.end()).toBe(0);

    // The trainers' export sees the same, and says where it wrote them.
    const csvFile = join(dataDir, 'scores.csv');
    const said = execFileSync('npm', ['run', '--silent', 'quiz', '--', 'export', '--out', csvFile], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(said).toBe('');
    const lines = readFileSync(csvFile, 'utf8').replace(/^\uFEFF/u, '').trim().split(/\r\n/u);
    expect(lines[0]).toBe('platform,group,group_id,person,person_id,points,answered,correct,last_played');
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(/^console,console:console,console:console,管理员,console,20,3,2,\d{4}-\d\d-\d\dT/u);
  });
});
