// The real assistant process (what `npm start` runs) in Slack HTTP mode, pointed at a fake Slack Web
// API on 127.0.0.1, while a hostile client streams a 200 MB unsigned body at /slack/events. The
// process must refuse it while reading (413, connection closed), keep its peak memory (VmHWM) under
// 300 MB, and go on answering signed requests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventBody, FakeSlack, mentionEvent, SIGNING_SECRET, sendSigned, waitFor } from './harness.js';
import { cleanEnv } from '../../support/run-process.js';
import { streamPost } from './stream-post.js';

const root = resolve(import.meta.dirname, '../../..');
const MB = 1024 * 1024;

let slack: FakeSlack;
let dataDir: string;
let child: ChildProcess;
let stderr = '';
let eventsUrl: string;

/** Peak resident set size of a process so far, from /proc (Linux). */
function peakRssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  if (!line) throw new Error('no VmHWM in /proc status');
  return Number(line.replace(/\D+/g, '')) * 1024;
}

beforeAll(async () => {
  slack = new FakeSlack();
  await slack.start();
  dataDir = mkdtempSync(join(tmpdir(), 'fanguai-hugebody-'));
  child = spawn(process.execPath, ['dist/src/cli/start.js'], {
    cwd: root,
    env: cleanEnv({
      DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      PORT: '0',
      LOG_LEVEL: 'info',
    }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  await waitFor(() => /listening for events on port \d+/.test(stderr) || child.exitCode !== null, 'the Slack HTTP listener', 50_000);
  const port = /listening for events on port (\d+)/.exec(stderr)?.[1];
  if (!port) throw new Error(`the assistant did not start:\n${stderr}`);
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  await slack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start in Slack HTTP mode, under a 200 MB unsigned POST', () => {
  it('refuses it while reading, stays under 300 MB peak RSS, and keeps answering', async () => {
    const sent = await streamPost(eventsUrl, { totalBytes: 200 * MB });
    const peak = peakRssBytes(child.pid!);
    // Printed so the README's reliability figure can be taken from a run.
    console.log(`peak RSS after a 200 MB unsigned POST: ${(peak / MB).toFixed(1)} MB; status ${sent.status}; ${(sent.bytesWritten / MB).toFixed(1)} MB sent before the close`);
    expect(sent.status).toBe(413);
    expect(sent.closed).toBe(true);
    expect(peak).toBeLessThan(300 * MB);

    const res = await sendSigned(eventsUrl, eventBody(mentionEvent('谁负责婚姻登记相关反拐措施', { ts: '1712345000.000100' })));
    expect(res.status).toBe(200);
    await waitFor(() => slack.posts().length === 1, 'the answer after the attack', 20_000);
    expect(child.exitCode).toBeNull();
  });
});
