// Slack redelivers an event when its ack seemed late — sometimes after the bot restarted. Event ids
// are kept in the SQLite file under DATA_DIR for about an hour, so the redelivery is not answered
// again by the new process; after the retention the id is forgotten and the table does not grow.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databasePath, openDatabase, type Db } from '../../../src/store/open-database.js';
import { createSeenEventStore } from '../../../src/store/seen-events.js';
import { eventBody, mentionEvent, sendSigned, waitFor } from './harness.js';
import { harnessPerTest } from './harness-per-test.js';

const harnesses = harnessPerTest();
let dir: string;
let db: Db | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fanguai-dedupe-'));
});
afterEach(() => {
  db?.close();
  db = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const open = () => {
  db?.close();
  db = openDatabase(databasePath(dir));
  return db;
};

describe('Slack event de-duplication across restarts', () => {
  it('does not answer a redelivery that arrives after a restart', async () => {
    const body = eventBody(mentionEvent('谁负责婚姻登记相关反拐措施', { ts: '1712346000.000100' }), 'EvRESTART0001');
    const first = await harnesses.start(undefined, { seenEvents: createSeenEventStore(open(), { namespace: 'slack' }) });
    expect((await sendSigned(first.eventsUrl, body)).status).toBe(200);
    await waitFor(() => first.slack.posts().length === 1, 'the first answer');
    await first.stop();

    // A new process: the same database file, opened again.
    const second = await harnesses.start(undefined, { seenEvents: createSeenEventStore(open(), { namespace: 'slack' }) });
    const retry = await sendSigned(second.eventsUrl, body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    // A different event afterwards is answered — and is the only answer of the new process.
    await sendSigned(second.eventsUrl, eventBody(mentionEvent('谁负责婚姻登记相关反拐措施', { ts: '1712346001.000100' }), 'EvRESTART0002'));
    await waitFor(() => second.slack.posts().length === 1, 'the new event answered');
    await new Promise((r) => setTimeout(r, 300));
    expect(second.slack.posts().map((p) => p.params.thread_ts)).toEqual(['1712346001.000100']);
  });

  it('forgets ids after about an hour, so the table stays small', () => {
    let now = Date.UTC(2026, 10, 30, 8, 0, 0);
    const seen = createSeenEventStore(open(), { namespace: 'slack', now: () => now });
    expect(seen.firstTime('Ev1')).toBe(true);
    expect(seen.firstTime('Ev1')).toBe(false);
    now += 59 * 60 * 1000;
    expect(createSeenEventStore(open(), { namespace: 'slack', now: () => now }).firstTime('Ev1')).toBe(false);
    now += 2 * 60 * 1000;
    const later = createSeenEventStore(open(), { namespace: 'slack', now: () => now });
    expect(later.firstTime('Ev2')).toBe(true);
    const ids = open().prepare('SELECT id FROM seen_events ORDER BY id').pluck().all();
    expect(ids).toEqual(['slack:Ev2']);
  });
});
