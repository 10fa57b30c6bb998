// Questions without an answer and answers flagged wrong end up in SQLite for administrators —
// only from messages addressed to the bot — and `kb misses` lists them, most frequent first.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFeedback, isFlagWord } from '../../src/admin/feedback.js';
import { createChatHandler } from '../../src/chat/create-chat-handler.js';
import type { IncomingMessage } from '../../src/chat/types.js';
import { projectRoot } from '../../src/knowledge/paths.js';
import { createMissStore, type MissSummary } from '../../src/store/misses.js';
import { tempDir } from '../support/temp-dir.js';
import { databasePath, openDatabase } from '../../src/store/open-database.js';
import { fakeAssistant, MARRIAGE } from '../chat/fake-assistant.js';

function setup(dbPath = ':memory:') {
  let now = new Date('2026-04-01T08:00:00Z');
  const db = openDatabase(dbPath);
  const store = createMissStore(db, () => now);
  const feedback = createFeedback({ store, version: () => 'v1' });
  const handler = feedback.observe(
    createChatHandler({ assistant: fakeAssistant(), prefixes: ['反拐'], interceptors: [feedback.interceptor] }),
  );
  return { db, store, feedback, handler, at: (iso: string) => (now = new Date(iso)) };
}

const group = (text: string, over: Partial<IncomingMessage> = {}): IncomingMessage => ({
  platform: 'wechat',
  conversationId: 'room1@chatroom',
  conversationName: '反拐工作群',
  isGroup: true,
  senderId: 'wxid_alice',
  text,
  mentioned: false,
  fromSelf: false,
  mentionTokens: ['@反拐助手'],
  ...over,
});
const mention = (text: string) => group(`@反拐助手\u2005${text}`, { mentioned: true });

describe('recording misses and flags', () => {
  it('records an addressed question that got no answer, with time, platform and conversation', async () => {
    const { store, handler } = setup();
    await handler(mention('公车管理谁负责'));
    expect(store.summary()).toEqual([
      {
        kind: 'unanswered',
        question: '公车管理谁负责',
        count: 1,
        firstAt: '2026-04-01T08:00:00.000Z',
        lastAt: '2026-04-01T08:00:00.000Z',
        platforms: ['wechat'],
        answerIds: [],
        remarks: [],
      },
    ]);
  });

  it('records nothing from group chatter that is not addressed to the bot', async () => {
    const { store, handler } = setup();
    await handler(mention('婚姻登记谁负责'));
    expect(await handler(group('公车管理谁负责'))).toEqual([]);
    expect(await handler(group('不对'))).toEqual([]);
    expect(store.summary()).toEqual([]);
  });

  it('flags the last answer in the conversation on 「不对」, keeping what else was said', async () => {
    const { store, handler } = setup();
    await handler(mention('婚姻登记谁负责'));
    const reply = await handler(mention('答错了，应该是公安负责'));
    expect(reply).toHaveLength(1);
    expect(reply[0]!.text).toContain('已记下');
    expect(reply[0]!.text).toContain(MARRIAGE.path);
    const [flag] = store.summary({ kind: 'flagged' });
    expect(flag).toMatchObject({ question: '婚姻登记谁负责', answerIds: [MARRIAGE.id], remarks: ['答错了，应该是公安负责'], platforms: ['wechat'] });
    // A second 「不对」 is not a second vote on the same answer.
    expect((await handler(mention('不对')))[0]!.text).toContain('请先提问');
    expect(store.summary({ kind: 'flagged' })[0]!.count).toBe(1);
  });

  it('does not take a question that merely starts with 不对 for a flag', async () => {
    expect(isFlagWord('不对外开放的娱乐场所谁管')).toBe(false);
    expect(isFlagWord('不对！')).toBe(true);
    expect(isFlagWord('错了吧')).toBe(true);
  });

  it('flags from a button name their answer themselves', () => {
    const { store, feedback } = setup();
    const thanks = feedback.flag({ platform: 'slack', conversation: 'C1:1.2', question: '婚姻登记谁负责', answerIds: ['p2-1-3-1'] });
    expect(thanks).toContain('已记下');
    expect(store.summary()).toMatchObject([{ kind: 'flagged', platforms: ['slack'], answerIds: ['p2-1-3-1'] }]);
  });

  it('keeps answering when the store fails', async () => {
    const { db, handler } = setup();
    db.close();
    const out = await handler(mention('公车管理谁负责'));
    expect(out[0]!.kind).toBe('answer');
  });
});

describe('npm run kb -- misses', () => {
  const kbMisses = (dataDir: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(projectRoot(), 'dist/src/cli/kb.js'), 'misses', '--data-dir', dataDir, ...args], { encoding: 'utf8' });

  it('lists the most frequent first, from a date on, as text or JSON', async () => {
    const dataDir = tempDir('misses-');
    const { db, handler, at } = setup(databasePath(dataDir));
    at('2026-03-01T10:00:00Z');
    await handler(mention('公车管理谁负责'));
    at('2026-04-02T10:00:00Z');
    await handler(mention('无人机反拐谁负责'));
    await handler(mention('无人机 反拐谁负责？'));
    await handler(mention('婚姻登记谁负责'));
    await handler(mention('不对'));
    db.close();

    const text = kbMisses(dataDir);
    expect(text.status).toBe(0);
    const lines = text.stdout.split('\n').filter((l) => /^\s+\d+×/.test(l));
    expect(lines[0]).toMatch(/^\s+2×\s+\[no answer\]\s+无人机反拐谁负责$/);
    expect(text.stdout).toMatch(/1×\s+\[flagged wrong\]\s+婚姻登记谁负责/);
    expect(text.stdout).toContain(`answered with ${MARRIAGE.id}`);
    expect(text.stdout).toContain('公车管理谁负责');

    const since = kbMisses(dataDir, '--since', '2026-04-01', '--json');
    const list = JSON.parse(since.stdout) as MissSummary[];
    expect(list.map((m) => [m.kind, m.question, m.count])).toEqual([
      ['unanswered', '无人机反拐谁负责', 2],
      ['flagged', '婚姻登记谁负责', 1],
    ]);
  });

  it('says so when nothing was recorded, and rejects a bad date', () => {
    const empty = tempDir('misses-');
    expect(kbMisses(empty).stdout).toContain('no unanswered or flagged questions');
    const bad = kbMisses(empty, '--since', 'yesterday');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--since');
  });
});
