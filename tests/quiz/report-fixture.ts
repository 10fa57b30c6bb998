// A week of daily questions in one group, played through the real handler with a fake clock on a
// SQLite file, ending today (so streaks are today's): four people with a fixed pattern of right,
// wrong and missed days. The test works out every expected figure from what was played here.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databasePath, openDatabase } from '../../src/store/open-database.js';
import { dayStart, localDay, shiftDay } from '../../src/quiz/zoned-time.js';
import { createHarness, flush, realKb, type Speaker } from './quiz-harness.js';
import { lastDailyQuestion, type SeenQuestion } from './solve.js';

export const TIME_ZONE = 'Asia/Shanghai';
const HOUR = 3_600_000;

/** R right, W wrong, - did not answer; one letter a day, the last day being today. */
export const PLAN: Record<string, { name: string; unit?: string; days: string }> = {
  wx_alice: { name: 'Alice', unit: '民政厅', days: 'RRRRR' },
  wx_bob: { name: 'Bob', unit: '公安厅', days: 'WRWRW' },
  wx_carol: { name: 'Carol', days: '--RR-' },
  wx_dan: { name: 'Dan', unit: '团委', days: 'WW---' },
};

export interface Played {
  day: string;
  q: SeenQuestion;
  answers: Array<{ personId: string; correct: boolean; chosen: string }>;
}

export interface ReportFixture {
  dataDir: string;
  days: string[];
  played: Played[];
}

export async function playWeek(now = Date.now()): Promise<ReportFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fanguai-report-'));
  const today = localDay(now, TIME_ZONE);
  const days = [4, 3, 2, 1, 0].map((n) => shiftDay(today, -n));
  const h = createHarness({
    db: openDatabase(databasePath(dataDir)),
    now: dayStart(days[0]!, TIME_ZONE)! + 8 * HOUR,
    adminIds: ['wechat:wx_trainer'],
    timeZone: TIME_ZONE,
    seed: 7,
  });
  const room = (id: string, mention = false): Speaker => ({ id, name: PLAN[id]?.name ?? '培训老师', conversationId: 'training', isGroup: true, mention });
  try {
    await h.say(room('wx_trainer', true), '/quiz daily on 09:30');
    for (const [id, p] of Object.entries(PLAN)) if (p.unit) await h.say(room(id, true), `我是${p.unit}的`);
    h.quiz.start();
    const played: Played[] = [];
    for (const [i, day] of days.entries()) {
      h.clock.advance(dayStart(day, TIME_ZONE)! + 9.5 * HOUR - h.clock.now());
      await flush();
      const posts = h.pushedTo('training').filter((t) => t.startsWith('每日一题（'));
      const q = lastDailyQuestion(posts.at(-1)!, realKb());
      const answers: Played['answers'] = [];
      for (const [id, p] of Object.entries(PLAN)) {
        const mark = p.days[i];
        if (mark === '-') continue;
        h.clock.advance(60_000);
        const letter = mark === 'R' ? q.right : q.wrong;
        await h.say(room(id), letter);
        answers.push({ personId: id, correct: mark === 'R', chosen: q.options['ABCD'.indexOf(letter)]! });
      }
      played.push({ day, q, answers });
      h.clock.advance(HOUR);
      await flush();
    }
    return { dataDir, days, played };
  } finally {
    h.quiz.close();
    h.db.close();
  }
}
