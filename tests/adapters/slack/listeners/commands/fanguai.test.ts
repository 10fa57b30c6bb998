// /fanguai end to end: acked at once, answered through response_url as an ephemeral message.
import { describe, expect, it } from 'vitest';
import type { MessageHandler } from '../../../../../src/chat/handler.js';
import { blockText, commandBody, FORM, sendSigned, waitFor } from '../../harness.js';
import { harnessPerTest } from '../../harness-per-test.js';

const harnesses = harnessPerTest();

describe('/fanguai', () => {
  it('answers ephemerally through the response_url, never in the channel', async () => {
    const h = await harnesses.start();
    const res = await sendSigned(h.eventsUrl, commandBody(h.slack, '谁负责婚姻登记相关反拐措施'), { contentType: FORM });
    expect(res.status).toBe(200);
    await waitFor(() => h.slack.responses.length === 1, 'a response_url post');
    const { body, path } = h.slack.responses[0]!;
    expect(path).toBe('/respond/T0001/1/abc');
    expect(body.response_type).toBe('ephemeral');
    expect(blockText(body.blocks)).toContain('省民政厅');
    expect(blockText(body.blocks)).toContain('省公安厅');
    expect(String(body.text)).toContain('省民政厅');
    expect(h.slack.posts()).toEqual([]);
  });

  it('a bare /fanguai gets the help text, ephemerally', async () => {
    const h = await harnesses.start();
    await sendSigned(h.eventsUrl, commandBody(h.slack, '  '), { contentType: FORM });
    await waitFor(() => h.slack.responses.length === 1, 'a response_url post');
    const { body } = h.slack.responses[0]!;
    expect(body.response_type).toBe('ephemeral');
    expect(String(body.text)).toContain('谁负责婚姻登记相关反拐措施');
    expect(String(body.text)).toContain('命令');
  });

  it('全文 after an answer shows that clause whole', async () => {
    const h = await harnesses.start();
    await sendSigned(h.eventsUrl, commandBody(h.slack, '谁负责婚姻登记相关反拐措施'), { contentType: FORM });
    await waitFor(() => h.slack.responses.length === 1, 'the answer');
    await sendSigned(h.eventsUrl, commandBody(h.slack, '全文'), { contentType: FORM });
    await waitFor(() => h.slack.responses.length === 2, 'the full clause');
    const full = blockText(h.slack.responses[1]!.body.blocks);
    expect(full).toContain('健全完善当事人身份情况和出入境信息共享共核机制');
  });

  it('acknowledges within Slack\'s 3 seconds even when the answer takes longer', async () => {
    const slow: MessageHandler = async (msg) => {
      await new Promise((r) => setTimeout(r, 3500));
      return harnesses.handler(msg);
    };
    const h = await harnesses.start(slow);
    const sent = Date.now();
    const res = await sendSigned(h.eventsUrl, commandBody(h.slack, '谁负责婚姻登记相关反拐措施'), { contentType: FORM });
    expect(res.status).toBe(200);
    expect(Date.now() - sent).toBeLessThan(3000);
    await waitFor(() => h.slack.responses.length === 1, 'the late ephemeral answer');
    expect(h.slack.responses[0]!.body.response_type).toBe('ephemeral');
  });
});
