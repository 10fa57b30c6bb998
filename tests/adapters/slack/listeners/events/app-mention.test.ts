// app_mention end to end: signed Events API request → real Bolt → real core → chat.postMessage.
import { describe, expect, it } from 'vitest';
import type { MessageHandler } from '../../../../../src/chat/handler.js';
import { blockText, eventBody, mentionEvent, sendSigned, waitFor } from '../../harness.js';
import { harnessPerTest } from '../../harness-per-test.js';

const harnesses = harnessPerTest();

describe('app_mention', () => {
  it('answers 谁负责婚姻登记相关反拐措施 in the thread of the mention, with units in Block Kit', async () => {
    const h = await harnesses.start();
    const res = await sendSigned(h.eventsUrl, eventBody(mentionEvent('谁负责婚姻登记相关反拐措施')));
    expect(res.status).toBe(200);
    await waitFor(() => h.slack.posts().length === 1, 'chat.postMessage');
    const { params } = h.slack.posts()[0]!;
    expect(params.channel).toBe('C0TRAINING');
    expect(params.thread_ts).toBe('1712345678.000200');
    const shown = blockText(params.blocks);
    expect(shown).toContain('省民政厅');
    expect(shown).toContain('省公安厅');
    expect(shown).toContain('二（一）3（1）');
    expect(shown).toContain('婚姻登记');
    // The fallback text carries the answer too, for notifications and clients without blocks.
    expect(String(params.text)).toContain('省民政厅');
    for (const block of params.blocks as Array<{ text?: { text: string } }>) {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
  });

  it('replies inside an existing thread when the mention is in one', async () => {
    const h = await harnesses.start();
    await sendSigned(h.eventsUrl, eventBody(mentionEvent('谁负责婚姻登记相关反拐措施', { ts: '1712345690.000900', thread_ts: '1712345600.000100' })));
    await waitFor(() => h.slack.posts().length === 1, 'chat.postMessage');
    expect(h.slack.posts()[0]!.params.thread_ts).toBe('1712345600.000100');
  });

  it('answers a redelivered event (X-Slack-Retry-Num) only once', async () => {
    const h = await harnesses.start();
    const body = eventBody(mentionEvent('谁负责婚姻登记相关反拐措施'), 'EvSAME');
    await sendSigned(h.eventsUrl, body);
    await sendSigned(h.eventsUrl, body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await sendSigned(h.eventsUrl, eventBody(mentionEvent('民政厅负责哪些工作', { ts: '1712345700.000100' })));
    await waitFor(() => h.slack.posts().some((p) => p.params.thread_ts === '1712345700.000100'), 'the next answer');
    expect(h.slack.posts().filter((p) => p.params.thread_ts === '1712345678.000200')).toHaveLength(1);
  });

  it('acknowledges at once, before a slow answer is posted', async () => {
    const slow: MessageHandler = async (msg) => {
      await new Promise((r) => setTimeout(r, 1500));
      return harnesses.handler(msg);
    };
    const h = await harnesses.start(slow);
    const sent = Date.now();
    const res = await sendSigned(h.eventsUrl, eventBody(mentionEvent('谁负责婚姻登记相关反拐措施')));
    const acked = Date.now();
    expect(res.status).toBe(200);
    expect(acked - sent).toBeLessThan(1000);
    await waitFor(() => h.slack.posts().length === 1, 'chat.postMessage');
    expect(h.slack.posts()[0]!.at).toBeGreaterThanOrEqual(acked);
  });

  it('survives a malformed event, a throwing handler and a failing Slack call, then answers the next', async () => {
    let calls = 0;
    const flaky: MessageHandler = async (msg) => {
      calls += 1;
      if (calls === 1) throw new Error('handler blew up');
      return harnesses.handler(msg);
    };
    const h = await harnesses.start(flaky);
    // No text at all.
    const malformed = await sendSigned(h.eventsUrl, eventBody({ type: 'app_mention', user: 'U0ALICE', ts: '1.1', channel: 'C0TRAINING' }));
    expect(malformed.status).toBe(200);
    await sendSigned(h.eventsUrl, eventBody(mentionEvent('谁负责婚姻登记相关反拐措施', { ts: '1712345001.000100' })));
    h.slack.queue('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    await sendSigned(h.eventsUrl, eventBody(mentionEvent('谁负责婚姻登记相关反拐措施', { ts: '1712345002.000100' })));
    await waitFor(() => h.logs.some((l) => l.includes('channel_not_found')), 'the failed post logged');
    await sendSigned(h.eventsUrl, eventBody(mentionEvent('谁负责婚姻登记相关反拐措施', { ts: '1712345003.000100' })));
    await waitFor(() => h.slack.posts().some((p) => p.params.thread_ts === '1712345003.000100'), 'the answer after the failures');
    expect(h.logs.some((l) => l.startsWith('error') && l.includes('app_mention'))).toBe(true);
    const answered = h.slack.posts().find((p) => p.params.thread_ts === '1712345003.000100')!;
    expect(blockText(answered.params.blocks)).toContain('省民政厅');
  });

  it('escapes & < > from the answer so Slack shows them as typed', async () => {
    const ampersand: MessageHandler = async () => [
      {
        kind: 'answer',
        text: 'A & B <script>',
        reply: {
          question: 'q',
          intent: 'responsibility',
          related: [],
          answers: [
            {
              id: 'x', document: 'd', documentName: '省实施细则', path: '二（一）1', title: '<标题>',
              text: '公安 & 民政 <@U123> <!channel>', lead: ['省公安厅'], cooperate: ['省民政厅'],
              responsibility: null, score: 1, confidence: 'high',
            },
          ],
        },
      },
    ];
    const h = await harnesses.start(ampersand);
    await sendSigned(h.eventsUrl, eventBody(mentionEvent('x')));
    await waitFor(() => h.slack.posts().length === 1, 'chat.postMessage');
    const { params } = h.slack.posts()[0]!;
    const shown = blockText(params.blocks);
    expect(shown).toContain('公安 &amp; 民政 &lt;@U123&gt; &lt;!channel&gt;');
    expect(shown).toContain('&lt;标题&gt;');
    expect(shown).not.toMatch(/<[@!]/);
    expect(params.text).toBe('A &amp; B &lt;script&gt;');
  });
});
