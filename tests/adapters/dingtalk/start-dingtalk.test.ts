// `npm start` with only the DingTalk variables set, against a local fake of DingTalk's Stream gateway
// and robot APIs: every robot message acked, group @-messages and private messages answered through
// their sessionWebhook, chatter ignored, a quiz round, admin commands refused to others; unprompted
// posts after the webhook expired go through the OpenAPI; start-up that fails names its variable;
// a message redelivered after a restart on the same DATA_DIR is acked but not answered again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/knowledge/load.js';
import { knowledgeDir } from '../../../src/knowledge/paths.js';
import { lastQuestion } from '../../quiz/solve.js';
import { startProcess, type StartedProcess } from '../../support/start-process.js';
import { tempDir } from '../../support/temp-dir.js';
import { FakeDingtalk } from './fake-dingtalk.js';

const GROUP = { id: 'cidGroupTest01==', title: '反拐工作群' };
const plain = (md: string) => md.replace(/ {2}\n/gu, '\n').replace(/\*\*/gu, '');

let fake: FakeDingtalk;
let bot: StartedProcess;

beforeAll(async () => {
  fake = new FakeDingtalk();
  await fake.start();
  bot = startProcess({
    DINGTALK_CLIENT_ID: fake.clientId,
    DINGTALK_CLIENT_SECRET: fake.clientSecret,
    DINGTALK_GATEWAY_URL: fake.gatewayUrl,
    ADMIN_IDS: 'dingtalk:boss01',
    QUIZ_TIMEOUT_SECONDS: '2',
    QUIZ_SEED: '5',
  });
  await bot.waitForStderr(/DingTalk: connected/u);
}, 60000);

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

describe('npm start with a DingTalk Stream robot', () => {
  it('subscribes to robot messages, acks each with its messageId, and answers a group @-message through its sessionWebhook', async () => {
    expect(fake.subscriptions).toContainEqual({ type: 'CALLBACK', topic: '/v1.0/im/bot/messages/get' });
    const msgId = fake.say(' 谁负责婚姻登记相关反拐措施', { staffId: 'zhang01', group: GROUP, atBot: true });
    const reply = plain(await fake.reply(msgId));
    expect(reply).toContain('负责：省民政厅');
    expect(reply).toContain('配合：省公安厅');
    expect(fake.acks).toContain(msgId);
    expect(fake.posted.find((p) => p.to === msgId)?.via).toBe('webhook');
  });

  it('ignores a group message that does not @ the robot (still acked), and answers a private one', async () => {
    const chatter = fake.say('谁负责婚姻登记相关反拐措施', { staffId: 'li02', group: GROUP, atBot: false });
    const privately = fake.say('民政厅负责哪些工作', { staffId: 'li02' });
    expect(plain(await fake.reply(privately))).toMatch(/省民政厅：负责 \d+ 项，配合 \d+ 项/u);
    expect(fake.acks).toContain(chatter);
    expect(fake.repliesTo(chatter)).toEqual([]);
  });

  it('runs a quiz round in a group, asking for answers with an @', async () => {
    const kb = loadKnowledgeBase(knowledgeDir());
    const start = plain(await fake.reply(fake.say('出题 1', { staffId: 'wang03', group: GROUP, atBot: true })));
    expect(start).toContain('开始答题：1题');
    expect(start).toContain('请@我回复');
    const q = lastQuestion(start, kb);
    const right = plain(await fake.reply(fake.say(q.right, { staffId: 'wang03', group: GROUP, atBot: true })));
    expect(right).toContain('正确');
    expect(right).toContain('本轮1题结束');
  });

  it('posts a timed-out answer through the OpenAPI once the sessionWebhook has expired', async () => {
    const kb = loadKnowledgeBase(knowledgeDir());
    // A webhook that expires within the reveal: the reveal must not be lost.
    const start = plain(await fake.reply(fake.say('出题 1', { staffId: 'wang03', group: GROUP, atBot: true, webhookMs: 30_000 })));
    const q = lastQuestion(start, kb);
    await fake.waitFor(() => fake.posted.some((p) => p.to === GROUP.id && p.text.includes('时间到')), 15000);
    const reveal = fake.posted.find((p) => p.to === GROUP.id && p.text.includes('时间到'))!;
    expect(reveal.via).toBe('/v1.0/robot/groupMessages/send');
    expect(plain(reveal.text)).toContain(`条款 ${q.clausePath}`);
  });

  it('refuses /kb reload to anyone but an administrator (dingtalk:<senderStaffId>)', async () => {
    expect(plain(await fake.reply(fake.say('/kb reload', { staffId: 'li02', group: GROUP, atBot: true })))).toContain('只有管理员');
    expect(plain(await fake.reply(fake.say('/kb status', { staffId: 'boss01' })))).not.toContain('只有管理员');
  });

  it('全文 and 「不对」 work in a private chat', async () => {
    const clause = loadKnowledgeBase(knowledgeDir()).clauses.find((c) => c.id === 'p1-2')!;
    // The answer quotes an excerpt; 全文 then shows the whole clause, verbatim.
    expect(plain(await fake.reply(fake.say('联席会议办公室设在哪', { staffId: 'zhao04' })))).not.toContain(clause.text);
    expect(plain(await fake.reply(fake.say('全文', { staffId: 'zhao04' })))).toContain(clause.text);
    expect(plain(await fake.reply(fake.say('不对', { staffId: 'zhao04' })))).toContain('谢谢指正');
  });

  it('answers a redelivered message once, answers pings, and survives garbage', async () => {
    const data = JSON.stringify({ msgId: 'dup-1', conversationType: '1', senderStaffId: 'dup05', msgtype: 'text', text: { content: '婚姻登记谁负责' }, sessionWebhook: fake.webhookFor('dup-1'), sessionWebhookExpiredTime: Date.now() + 60 * 60_000 });
    fake.sendDown('CALLBACK', '/v1.0/im/bot/messages/get', data, 'dup-1');
    await fake.reply('dup-1');
    fake.sendDown('CALLBACK', '/v1.0/im/bot/messages/get', data, 'dup-1b');
    fake.sendDown('CALLBACK', '/v1.0/im/bot/messages/get', '{not json', 'bad-1');
    fake.sendDown('SYSTEM', 'ping', JSON.stringify({ opaque: 'x1' }));
    await fake.waitFor(() => fake.acks.includes('bad-1') && fake.systemReplies.length > 0);
    // Still answering; the redelivery was acked but not answered again.
    expect(plain(await fake.reply(fake.say('收养谁配合', { staffId: 'dup05' })))).toContain('配合');
    expect(fake.acks).toContain('dup-1b');
    expect(fake.repliesTo('dup-1')).toHaveLength(1);
    await bot.waitForStderr(/DingTalk message failed/u);
  });

  it('reconnects after the stream drops, and answers again', async () => {
    const calls = fake.gatewayCalls;
    fake.drop();
    await fake.waitFor(() => fake.gatewayCalls > calls && fake.connected, 15000);
    expect(plain(await fake.reply(fake.say('谁负责婚姻登记相关反拐措施', { staffId: 'zhang01', group: GROUP, atBot: true })))).toContain('省民政厅');
    await bot.waitForStderr(/DingTalk: stream closed; reconnecting/u);
  });

  it('closes the stream and exits 0 on SIGTERM', async () => {
    const closes = fake.closes;
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    await fake.waitFor(() => fake.closes > closes, 5000);
  });
});

describe('npm start with DingTalk, stopped and started again on the same DATA_DIR', () => {
  it('acks but does not answer a msgId redelivered after the restart, and answers a new one', async () => {
    const vars = { DINGTALK_CLIENT_ID: fake.clientId, DINGTALK_CLIENT_SECRET: fake.clientSecret, DINGTALK_GATEWAY_URL: fake.gatewayUrl, DATA_DIR: tempDir('fanguai-dingtalk-restart-') };
    const ask = ' 谁负责婚姻登记相关反拐措施';
    const msgId = 'restart-msgId-1';
    const first = startProcess(vars);
    try {
      await first.waitForStderr(/DingTalk: connected/u);
      expect(plain(await fake.reply(fake.say(ask, { staffId: 'zhang01', group: GROUP, atBot: true, msgId })))).toContain('省民政厅');
    } finally {
      await first.stop();
    }
    expect(await first.exited).toBe(0);

    const second = startProcess(vars);
    try {
      await second.waitForStderr(/DingTalk: connected/u);
      // DingTalk redelivers the message (same msgId, in a new stream frame); then someone asks the same anew.
      fake.say(ask, { staffId: 'zhang01', group: GROUP, atBot: true, msgId, messageId: 'restart-redelivery-1' });
      const fresh = fake.say(ask, { staffId: 'zhang01', group: GROUP, atBot: true });
      expect(plain(await fake.reply(fresh))).toContain('省民政厅');
      expect(fake.acks).toContain('restart-redelivery-1');
      expect(fake.repliesTo(msgId)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  }, 60000);
});

describe('npm start with DingTalk that will not connect', () => {
  it('stops within seconds on rejected credentials, with one line naming the variables', async () => {
    const proc = startProcess({ DINGTALK_CLIENT_ID: fake.clientId, DINGTALK_CLIENT_SECRET: 'wrong', DINGTALK_GATEWAY_URL: fake.gatewayUrl, LOG_LEVEL: 'warn' });
    expect(await proc.exited).toBe(1);
    const lines = proc.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/DingTalk rejected .*DINGTALK_CLIENT_SECRET.*InvalidAuthentication/u);
    await proc.stop();
  }, 30000);

  it('stops within seconds when the gateway cannot be reached, naming DINGTALK_GATEWAY_URL', async () => {
    const gone = new FakeDingtalk();
    await gone.start();
    const url = gone.gatewayUrl;
    await gone.stop();
    const proc = startProcess({ DINGTALK_CLIENT_ID: 'x', DINGTALK_CLIENT_SECRET: 'y', DINGTALK_GATEWAY_URL: url, LOG_LEVEL: 'warn' });
    expect(await proc.exited).toBe(1);
    const lines = proc.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DINGTALK_GATEWAY_URL');
    await proc.stop();
  }, 30000);
});
