// createSlackApp: signature verification, Web API retries on 429, SLACK_API_URL, start-up checks.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../../adapters/slack/index.js';
import { blockText, eventBody, FakeSlack, mentionEvent, sendSigned, waitFor } from './harness.js';
import { harnessPerTest } from './harness-per-test.js';

const harnesses = harnessPerTest();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('createSlackApp over HTTP', () => {
  it('rejects wrongly signed, stale and unsigned requests with 401 and does not answer them', async () => {
    const h = await harnesses.start();
    const question = (ts: string) => eventBody(mentionEvent('谁负责婚姻登记相关反拐措施', { ts }));
    const wrong = await sendSigned(h.eventsUrl, question('1712340001.000100'), { secret: 'not-the-secret' });
    const stale = await sendSigned(h.eventsUrl, question('1712340002.000100'), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    const unsigned = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: question('1712340003.000100') });
    expect([wrong.status, stale.status, unsigned.status]).toEqual([401, 401, 401]);
    // Correctly signed ones afterwards are answered, and they are the only answers: the second
    // is the marker that everything sent before it has been dealt with.
    const good = await sendSigned(h.eventsUrl, question('1712340004.000100'));
    expect(good.status).toBe(200);
    await sendSigned(h.eventsUrl, question('1712340005.000100'));
    await waitFor(() => h.slack.posts().some((p) => p.params.thread_ts === '1712340005.000100'), 'the marker answered');
    expect(h.slack.posts().map((p) => p.params.thread_ts)).toEqual(['1712340004.000100', '1712340005.000100']);
  });

  it('retries chat.postMessage after a 429 with Retry-After, and the answer arrives', async () => {
    const h = await harnesses.start();
    h.slack.queue('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    await sendSigned(h.eventsUrl, eventBody(mentionEvent('谁负责婚姻登记相关反拐措施')));
    await waitFor(() => h.slack.posts().length === 2, 'the retried post', 15000);
    const [first, second] = h.slack.posts();
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    expect(second!.params).toEqual(first!.params);
    expect(blockText(second!.params.blocks)).toContain('省民政厅');
  });

  it('sends every Web API call to SLACK_API_URL with the bot token', async () => {
    const h = await harnesses.start();
    await sendSigned(h.eventsUrl, eventBody(mentionEvent('谁负责婚姻登记相关反拐措施')));
    await waitFor(() => h.slack.posts().length === 1, 'chat.postMessage');
    expect(h.slack.calls.map((c) => c.method)).toEqual(['auth.test', 'chat.postMessage']);
    expect(h.slack.calls[0]!.params.token).toBe('xoxb-test');
  });

  it('refuses to start with a token Slack rejects, naming SLACK_BOT_TOKEN, and opens no port', async () => {
    const slack = new FakeSlack();
    await slack.start();
    cleanups.push(() => slack.stop());
    slack.queue('auth.test', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    const bot = createSlackApp({ token: 'xoxb-bad', signingSecret: 's', apiUrl: `${slack.url}/api/`, port: 0, host: '127.0.0.1', handler: harnesses.handler });
    await expect(bot.start()).rejects.toThrow(/SLACK_BOT_TOKEN.*invalid_auth/);
    expect(bot.port).toBeUndefined();
    await bot.stop();
  });

  it('refuses to start when Slack cannot be reached, naming SLACK_API_URL, and opens no port', async () => {
    // A port nothing listens on: taken, then given back.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as AddressInfo;
    await new Promise((r) => probe.close(r));
    const apiUrl = `http://127.0.0.1:${port}/api/`;
    const logged: string[] = [];
    const log = (level: string) => (m: string) => logged.push(`${level} ${m}`);
    const logger = { debug: () => {}, info: log('info'), warn: log('warn'), error: log('error') };
    const bot = createSlackApp({ token: 'xoxb-x', signingSecret: 's', apiUrl, port: 0, host: '127.0.0.1', handler: harnesses.handler, logger });
    // Within the test's time limit: the start-up check gives up after a few quick retries.
    await expect(bot.start()).rejects.toThrow(new RegExp(`could not be reached at ${apiUrl}.*SLACK_API_URL`));
    expect(bot.port).toBeUndefined();
    // The one line is the whole story: the retries before it are not warned about.
    expect(logged).toEqual([]);
    await bot.stop();
  });

  it('needs a signing secret for HTTP mode', () => {
    expect(() => createSlackApp({ token: 'xoxb-x', handler: harnesses.handler })).toThrow(/SLACK_SIGNING_SECRET/);
  });
});

describe('createSlackApp in Socket Mode', () => {
  it('refuses to start with an app token Slack rejects, naming SLACK_APP_TOKEN (asked through SLACK_API_URL)', async () => {
    const slack = new FakeSlack();
    await slack.start();
    cleanups.push(() => slack.stop());
    slack.queue('apps.connections.open', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    const bot = createSlackApp({ token: 'xoxb-test', appToken: 'xapp-test', apiUrl: `${slack.url}/api/`, handler: harnesses.handler });
    expect(bot.mode).toBe('socket');
    await expect(bot.start()).rejects.toThrow(/SLACK_APP_TOKEN.*invalid_auth/);
    expect(slack.calls.map((c) => c.method)).toContain('apps.connections.open');
    expect(bot.port).toBeUndefined();
    await bot.app.stop().catch(() => undefined);
  });
});
