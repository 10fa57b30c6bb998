// The Slack bot (real Bolt app over HTTP, fake Web API): an administrator reloads edited knowledge
// and people see the new text; others are refused; 「回答有误」 under an answer records a flag.
import { afterEach, describe, expect, it } from 'vitest';
import {
  BOT_USER_ID,
  commandBody,
  directMessageEvent,
  eventBody,
  FORM,
  mentionEvent,
  sendSigned,
  waitFor,
  type Harness,
} from '../adapters/slack/harness.js';
import { NEW_MARRIAGE, OLD_MARRIAGE, reviseMarriageClause, unknownLeadUnit } from './knowledge-edits.js';
import { posted, startReloadBot } from './slack-bot.js';

const QUESTION = '谁负责婚姻登记相关反拐措施';
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function startBot() {
  const bot = await startReloadBot();
  h = bot.h;
  return bot;
}

let seq = 0;
const dmFrom = (user: string, text: string) =>
  eventBody(directMessageEvent(text, { user, channel: `D0${user}`, ts: `17123456${String(++seq).padStart(2, '0')}.000100` }));

describe('Slack: /kb reload by an administrator', () => {
  it('puts an edited clause live: the next answer in a channel shows the new text', async () => {
    const { h, dir } = await startBot();
    await sendSigned(h.eventsUrl, eventBody(mentionEvent(QUESTION, { ts: '1712345001.000100' })));
    await waitFor(() => h.slack.posts().length === 1, 'the first answer');
    expect(posted(h, 0)).toContain(OLD_MARRIAGE);

    reviseMarriageClause(dir);
    // In a DM Slack keeps /kb for itself, so administrators write 「kb reload」.
    await sendSigned(h.eventsUrl, dmFrom('UBOSS', 'kb reload'));
    await waitFor(() => h.slack.posts().length === 2, 'the reload reply');
    expect(posted(h, 1)).toContain('知识库已重新加载');

    await sendSigned(h.eventsUrl, eventBody(mentionEvent(QUESTION, { ts: '1712345002.000100' })));
    await waitFor(() => h.slack.posts().length === 3, 'the answer after reload');
    expect(posted(h, 2)).toContain(NEW_MARRIAGE);
  });

  it('replies to a broken edit with the error and keeps answering from the old knowledge', async () => {
    const { h, dir } = await startBot();
    unknownLeadUnit(dir);
    await sendSigned(h.eventsUrl, eventBody(mentionEvent('/kb reload', { user: 'UBOSS', ts: '1712345003.000100' })));
    await waitFor(() => h.slack.posts().length === 1, 'the reload reply');
    expect(posted(h, 0)).toContain('重新加载失败，仍在使用原来的知识库');
    expect(posted(h, 0)).toContain('[p2-1-3-1]: lead unit 「省婚姻登记局」 is not in units.yaml');
    await sendSigned(h.eventsUrl, eventBody(mentionEvent(QUESTION, { ts: '1712345004.000100' })));
    await waitFor(() => h.slack.posts().length === 2, 'the answer');
    expect(posted(h, 1)).toContain('省民政厅');
  });

  it('refuses anyone else, in a mention or through /fanguai, and nothing is reloaded', async () => {
    const { h, dir } = await startBot();
    reviseMarriageClause(dir);
    await sendSigned(h.eventsUrl, eventBody(mentionEvent('/kb reload', { ts: '1712345005.000100' })));
    await sendSigned(h.eventsUrl, commandBody(h.slack, '知识库 reload'), { contentType: FORM });
    await waitFor(() => h.slack.posts().length === 1 && h.slack.responses.length === 1, 'both refusals');
    expect(posted(h, 0)).toContain('只有管理员可以用');
    expect(String(h.slack.responses[0]!.body.text)).toContain('只有管理员可以用');
    await sendSigned(h.eventsUrl, eventBody(mentionEvent(QUESTION, { ts: '1712345006.000100' })));
    await waitFor(() => h.slack.posts().length === 2, 'the answer');
    expect(posted(h, 1)).toContain(OLD_MARRIAGE);
    expect(posted(h, 1)).not.toContain(NEW_MARRIAGE);
  });
});

describe('Slack: 「回答有误」 button', () => {
  it('sits under an answer, is acknowledged, records the flag and thanks only the clicker', async () => {
    const { h, store } = await startBot();
    await sendSigned(h.eventsUrl, eventBody(mentionEvent(QUESTION, { ts: '1712345007.000100' })));
    await waitFor(() => h.slack.posts().length === 1, 'the answer');
    const answer = h.slack.posts()[0]!.params;
    const actions = (answer.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find(
      (b) => b.type === 'actions',
    );
    const button = actions?.elements?.find((e) => e.action_id === 'flag_wrong');
    expect(button).toBeDefined();

    const payload = {
      type: 'block_actions',
      user: { id: 'U0ALICE', username: 'alice', team_id: 'T0001' },
      api_app_id: 'A0001',
      token: 'legacy-verification-token',
      team: { id: 'T0001', domain: 'fujian' },
      container: { type: 'message', message_ts: '1700000001.000100', channel_id: 'C0TRAINING', is_ephemeral: false },
      channel: { id: 'C0TRAINING', name: 'training' },
      message: { type: 'message', user: BOT_USER_ID, ts: '1700000001.000100', thread_ts: '1712345007.000100', text: 'x' },
      response_url: `${h.slack.url}/respond/T0001/2/flag`,
      trigger_id: '1.2.3',
      actions: [{ type: 'button', action_id: 'flag_wrong', block_id: 'b1', value: button!.value, action_ts: '1700000002.000100' }],
    };
    const res = await sendSigned(h.eventsUrl, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { contentType: FORM });
    expect(res.status).toBe(200);
    await waitFor(() => h.slack.responses.length === 1, 'the thank-you');
    expect(h.slack.responses[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(h.slack.responses[0]!.body.text)).toContain('已记下');
    expect(store.summary({ kind: 'flagged' })).toMatchObject([
      { question: QUESTION, answerIds: ['p2-1-3-1'], platforms: ['slack'], count: 1 },
    ]);
  });

  it('is not under refusals, and a refused question is recorded as unanswered', async () => {
    const { h, store } = await startBot();
    await sendSigned(h.eventsUrl, eventBody(mentionEvent('公车管理谁负责', { ts: '1712345008.000100' })));
    await waitFor(() => h.slack.posts().length === 1, 'the refusal');
    expect(h.slack.posts()[0]!.params.blocks).toBeUndefined();
    expect(store.summary()).toMatchObject([{ kind: 'unanswered', question: '公车管理谁负责', platforms: ['slack'] }]);
  });
});
