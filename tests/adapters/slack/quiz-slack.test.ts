// The quiz in Slack: /fanguai carries the command text (「quiz start」, 出题), and a timeout reveal is
// pushed with no event to answer — ephemeral to the person, as the slash command's answers are.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { slackPushTarget } from '../../../adapters/slack/push-target.js';
import { createChatHandler } from '../../../src/chat/create-chat-handler.js';
import { createPushRegistry } from '../../../src/chat/push.js';
import { createQuiz, type Quiz } from '../../../src/quiz/create-quiz.js';
import { databasePath, openDatabase, type Db } from '../../../src/store/open-database.js';
import { fakeAssistant } from '../../chat/fake-assistant.js';
import { realKb } from '../../quiz/quiz-harness.js';
import { commandBody, FORM, sendSigned, startHarness, waitFor, type Harness } from './harness.js';

let h: Harness | undefined;
let quiz: Quiz | undefined;
let db: Db | undefined;
let dir: string | undefined;
afterEach(async () => {
  await h?.stop();
  quiz?.close();
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  h = quiz = db = dir = undefined;
});

describe('quiz in Slack', () => {
  it('starts from /fanguai quiz start and pushes the timeout reveal ephemerally to the same person', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fanguai-quiz-slack-'));
    db = openDatabase(databasePath(dir));
    const push = createPushRegistry();
    quiz = createQuiz({ db, getKnowledge: realKb, push, timeoutSeconds: 1 });
    const handler = createChatHandler({ assistant: fakeAssistant(), prefixes: ['/fanguai'], commands: [quiz.command], interceptors: [quiz.interceptor] });
    h = await startHarness(handler, { push });

    await sendSigned(h.eventsUrl, commandBody(h.slack, 'quiz start 1'), { contentType: FORM });
    await waitFor(() => h!.slack.responses.some((r) => String(r.body.text).includes('第1/1题')), 'the question');
    const question = h.slack.responses.map((r) => String(r.body.text)).join('\n');
    expect(question).toMatch(/A\. \S+\nB\. \S+\nC\. \S+\nD\. \S+/u);

    await waitFor(() => h!.slack.calls.some((c) => c.method === 'chat.postEphemeral' && String(c.params.text).includes('时间到')), 'the reveal', 5000);
    const reveal = h.slack.calls.find((c) => c.method === 'chat.postEphemeral')!;
    expect(reveal.params.channel).toBe('C0TRAINING');
    expect(reveal.params.user).toBe('U0ALICE');
    expect(String(reveal.params.text)).toContain('第1题答案');
    expect(h.slack.posts()).toEqual([]);
  });

  it('reads push targets back from the conversation ids the adapter makes', () => {
    expect(slackPushTarget('C1:1700000000.000100')).toEqual({ channel: 'C1', threadTs: '1700000000.000100' });
    expect(slackPushTarget('C1:U2')).toEqual({ channel: 'C1', user: 'U2' });
    expect(slackPushTarget('D9')).toEqual({ channel: 'D9' });
  });
});
