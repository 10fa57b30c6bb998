// Follow-ups and digests over Slack: real Bolt over signed HTTP, the real handler and core.
import { describe, expect, it } from 'vitest';
import { blockText, directMessageEvent, eventBody, sendSigned, waitFor } from '../../harness.js';
import { harnessPerTest } from '../../harness-per-test.js';

const harnesses = harnessPerTest();

describe('follow-ups in a Slack DM', () => {
  it('那配合的呢 after an answer names its cooperating units; 这条全文 shows the clause whole', async () => {
    const h = await harnesses.start();
    await sendSigned(h.eventsUrl, eventBody(directMessageEvent('谁负责婚姻登记')));
    await waitFor(() => h.slack.posts().length === 1, 'the answer');
    await sendSigned(h.eventsUrl, eventBody(directMessageEvent('那配合的呢', { ts: '1712345679.000400' })));
    await waitFor(() => h.slack.posts().length === 2, 'the follow-up');
    expect(blockText(h.slack.posts()[1]!.params.blocks)).toContain('二（一）3（1） 的配合单位：省公安厅。');
    await sendSigned(h.eventsUrl, eventBody(directMessageEvent('这条全文', { ts: '1712345680.000500' })));
    await waitFor(() => h.slack.posts().length === 3, 'the full text');
    expect(blockText(h.slack.posts()[2]!.params.blocks)).toContain('健全完善当事人身份情况和出入境信息共享共核机制');
  });

  it("a unit's duties come as the digest (counts, numbered lines); replying a number shows that clause", async () => {
    const h = await harnesses.start();
    await sendSigned(h.eventsUrl, eventBody(directMessageEvent('公安那块都负责啥')));
    await waitFor(() => h.slack.posts().length === 1, 'the digest');
    const digest = blockText(h.slack.posts()[0]!.params.blocks);
    expect(digest).toMatch(/省公安厅：负责 \d+ 项，配合 \d+ 项。/);
    expect(digest).toContain('回复编号看全文');
    const fifth = /(?:^|\n)5\. (\S+)/.exec(digest)![1]!;
    await sendSigned(h.eventsUrl, eventBody(directMessageEvent('5', { ts: '1712345681.000600' })));
    await waitFor(() => h.slack.posts().length === 2, 'the clause');
    expect(blockText(h.slack.posts()[1]!.params.blocks)).toContain(fifth);
  });
});
