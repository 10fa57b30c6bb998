// message.im end to end: a DM is answered without a mention; edits, bots and channel chatter are not.
import { describe, expect, it } from 'vitest';
import { blockText, directMessageEvent, eventBody, sendSigned, waitFor } from '../../harness.js';
import { harnessPerTest } from '../../harness-per-test.js';

const harnesses = harnessPerTest();

describe('direct messages', () => {
  it('answers a DM in the DM, not in a thread', async () => {
    const h = await harnesses.start();
    await sendSigned(h.eventsUrl, eventBody(directMessageEvent('谁负责婚姻登记相关反拐措施')));
    await waitFor(() => h.slack.posts().length === 1, 'chat.postMessage');
    const { params } = h.slack.posts()[0]!;
    expect(params.channel).toBe('D0ALICE');
    expect(params.thread_ts).toBeUndefined();
    expect(blockText(params.blocks)).toContain('省民政厅');
  });

  it('ignores edits, bot posts, its own messages and channel messages, and still answers the next DM', async () => {
    const h = await harnesses.start();
    const ignored = [
      directMessageEvent('谁负责婚姻登记相关反拐措施', { subtype: 'message_changed' }),
      directMessageEvent('谁负责婚姻登记相关反拐措施', { subtype: 'bot_message', bot_id: 'BOTHER' }),
      directMessageEvent('谁负责婚姻登记相关反拐措施', { user: 'UBOT0001', bot_id: 'BBOT0001' }),
      directMessageEvent('谁负责婚姻登记相关反拐措施', { channel_type: 'channel', channel: 'C0TRAINING' }),
    ];
    for (const event of ignored) {
      const res = await sendSigned(h.eventsUrl, eventBody(event));
      expect(res.status).toBe(200);
    }
    await sendSigned(h.eventsUrl, eventBody(directMessageEvent('民政厅负责哪些工作', { channel: 'D0BOB', user: 'U0BOB' })));
    // Sent after the ignored ones, its answer marks that they have all been dealt with.
    await waitFor(() => h.slack.posts().some((p) => p.params.channel === 'D0BOB'), 'the real DM answered');
    expect(h.slack.posts().map((p) => p.params.channel)).toEqual(['D0BOB']);
  });

  it('a DM with a mention in it is answered once (message.im), not twice', async () => {
    const h = await harnesses.start();
    const text = '<@UBOT0001> 谁负责婚姻登记相关反拐措施';
    await sendSigned(h.eventsUrl, eventBody(directMessageEvent(text)));
    await sendSigned(h.eventsUrl, eventBody({ type: 'app_mention', user: 'U0ALICE', text, ts: '1712345679.000300', channel: 'D0ALICE' }));
    // A later DM marks that both deliveries have been dealt with.
    await sendSigned(h.eventsUrl, eventBody(directMessageEvent('净网行动', { ts: '1712345680.000400' })));
    await waitFor(() => h.slack.posts().some((p) => blockText(p.params.blocks).includes('省委网信办')), 'the marker answered');
    const posts = h.slack.posts().map((p) => blockText(p.params.blocks));
    expect(posts).toHaveLength(2);
    expect(posts[0]).toContain('省民政厅');
    expect(posts[0]).not.toContain('省委网信办');
  });
});
