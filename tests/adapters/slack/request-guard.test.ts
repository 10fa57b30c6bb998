// Slack HTTP mode against hostile peers: bodies over the cap are refused while being read (413, the
// connection closed) before any signature check, and timestamps more than five minutes away — in
// either direction — are refused before the body is read at all.
import { describe, expect, it } from 'vitest';
import { eventBody, mentionEvent, sendSigned, waitFor } from './harness.js';
import { harnessPerTest } from './harness-per-test.js';
import { startPost, streamPost } from './stream-post.js';

const harnesses = harnessPerTest();

const MB = 1024 * 1024;

describe('Slack HTTP request limits', () => {
  it('answers 413 and closes the connection once an unsigned chunked body passes 1 MB, and stays up', async () => {
    const h = await harnesses.start();
    const sent = await streamPost(h.eventsUrl, { totalBytes: 20 * MB });
    expect(sent.status).toBe(413);
    expect(sent.closed).toBe(true);
    // Refused while reading: far less than the 20 MB offered went in.
    expect(sent.bytesWritten).toBeLessThan(8 * MB);
    expect(h.slack.posts()).toEqual([]);
    // The next genuine request is answered as usual.
    const good = await sendSigned(h.eventsUrl, eventBody(mentionEvent('谁负责婚姻登记相关反拐措施', { ts: '1712340100.000100' })));
    expect(good.status).toBe(200);
    await waitFor(() => h.slack.posts().length === 1, 'the genuine request answered');
  });

  it('answers 413 at once to a Content-Length over the cap, before the body arrives', async () => {
    const h = await harnesses.start();
    // Only a few bytes of the promised 50 MB: the answer must not wait for the rest.
    const post = startPost(h.eventsUrl, '{"type":', { 'content-length': String(50 * MB) });
    expect(await post.status).toBe(413);
    post.req.destroy();
  });

  it('accepts a signed body just under the cap', async () => {
    const h = await harnesses.start();
    const padding = 'x'.repeat(MB - 2000);
    const body = eventBody(mentionEvent('谁负责婚姻登记相关反拐措施', { ts: '1712340200.000100', padding }));
    const res = await sendSigned(h.eventsUrl, body);
    expect(res.status).toBe(200);
    await waitFor(() => h.slack.posts().length === 1, 'the padded request answered');
  });

  it('refuses correctly signed requests stamped more than five minutes in the future or past', async () => {
    const h = await harnesses.start();
    const now = Math.floor(Date.now() / 1000);
    const question = (ts: string) => eventBody(mentionEvent('谁负责婚姻登记相关反拐措施', { ts }));
    const future = await sendSigned(h.eventsUrl, question('1712340301.000100'), { timestamp: now + 6 * 60 });
    const farFuture = await sendSigned(h.eventsUrl, question('1712340302.000100'), { timestamp: now + 86400 });
    const past = await sendSigned(h.eventsUrl, question('1712340303.000100'), { timestamp: now - 6 * 60 });
    expect([future.status, farFuture.status, past.status]).toEqual([401, 401, 401]);
    // A little clock drift either way is fine.
    const drift = await sendSigned(h.eventsUrl, question('1712340304.000100'), { timestamp: now + 60 });
    expect(drift.status).toBe(200);
    await waitFor(() => h.slack.posts().length === 1, 'the drifting request answered');
    await new Promise((r) => setTimeout(r, 200));
    expect(h.slack.posts().map((p) => p.params.thread_ts)).toEqual(['1712340304.000100']);
  });

  it('gives up on a body that trickles in too slowly (408) and stays up', async () => {
    const h = await harnesses.start(undefined, { requestLimits: { bodyTimeoutMs: 500 } });
    const post = startPost(h.eventsUrl, '{"type":');
    expect(await post.status).toBe(408);
    post.req.destroy();
    const good = await sendSigned(h.eventsUrl, eventBody(mentionEvent('谁负责婚姻登记相关反拐措施', { ts: '1712340400.000100' })));
    expect(good.status).toBe(200);
  });
});

describe('Slack HTTP bodies read at the same time', () => {
  it('share a budget: past it a request gets 503, and the budget is given back', async () => {
    const h = await harnesses.start(undefined, { requestLimits: { maxInFlightBytes: 2 * MB } });
    // Slow peers: 900 KB each, never finished.
    const hanging = Array.from({ length: 3 }, () => startPost(h.eventsUrl, Buffer.alloc(900 * 1024, 'a')));
    expect(await hanging[2]!.status).toBe(503);
    for (const { req } of hanging) req.destroy();
    await new Promise((r) => setTimeout(r, 300));
    // With the slow peers gone their share is free again: a genuine 900 KB request is read and answered.
    const padding = 'x'.repeat(900 * 1024);
    const good = await sendSigned(h.eventsUrl, eventBody(mentionEvent('谁负责婚姻登记相关反拐措施', { ts: '1712340500.000100', padding })));
    expect(good.status).toBe(200);
    await waitFor(() => h.slack.posts().length === 1, 'the genuine request answered');
  });
});
