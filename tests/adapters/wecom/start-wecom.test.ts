// `npm start` with only the WeCom variables set, against a local fake of WeCom's long-connection
// server: group @-messages (with or without the @name in their text) and private messages answered in markdown, a quiz round,
// admin commands refused to others; start-up that fails names its variable; reconnects; SIGTERM;
// a message redelivered after a restart on the same DATA_DIR is not answered again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/knowledge/load.js';
import { knowledgeDir } from '../../../src/knowledge/paths.js';
import { lastQuestion } from '../../quiz/solve.js';
import { startProcess, type StartedProcess } from '../../support/start-process.js';
import { tempDir } from '../../support/temp-dir.js';
import { FakeWecom } from './fake-wecom.js';

const GROUP = 'wrkSFfCgAAtest01';
/** Markdown line breaks back to plain lines, as a person reads them. */
const plain = (md: string) => md.replace(/ {2}\n/gu, '\n').replace(/\*\*/gu, '');

let fake: FakeWecom;
let bot: StartedProcess;

beforeAll(async () => {
  fake = new FakeWecom();
  await fake.start();
  bot = startProcess({ WECOM_BOT_ID: fake.botId, WECOM_BOT_SECRET: fake.secret, WECOM_WS_URL: fake.url, ADMIN_IDS: 'wecom:boss', QUIZ_TIMEOUT_SECONDS: '2', QUIZ_SEED: '3' });
  await bot.waitForStderr(/WeCom: connected/u);
}, 60000);

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

describe('npm start with WeCom 智能机器人', () => {
  it('answers a group @-message in the group, with the clause and its units, as one finished stream', async () => {
    const reqId = fake.say('@反拐助手 谁负责婚姻登记相关反拐措施', { userid: 'zhangsan', chatid: GROUP });
    const reply = plain(await fake.reply(reqId));
    expect(reply).toContain('负责：省民政厅');
    expect(reply).toContain('配合：省公安厅');
    expect(reply).toContain('规范婚姻登记管理');
    // One stream message, finished in its first frame.
    expect(fake.responsesTo(reqId)).toHaveLength(1);
    expect(fake.responsesTo(reqId)[0]!.body).toMatchObject({ msgtype: 'stream', stream: { finish: true } });
  });

  it('answers a group message whose text lost its @name (the server delivers only @-messages), and a private one', async () => {
    const stripped = plain(await fake.reply(fake.say('谁负责婚姻登记相关反拐措施', { userid: 'lisi', chatid: GROUP })));
    expect(stripped).toContain('负责：省民政厅');
    const reply = plain(await fake.reply(fake.say('民政厅负责哪些工作', { userid: 'lisi' })));
    expect(reply).toMatch(/省民政厅：负责 \d+ 项，配合 \d+ 项/u);
  });

  it('runs a quiz round in a group, asking for answers with an @', async () => {
    const kb = loadKnowledgeBase(knowledgeDir());
    const start = plain(await fake.reply(fake.say('@反拐助手 出题 1', { userid: 'wangwu', chatid: GROUP })));
    expect(start).toContain('开始答题：1题');
    expect(start).toContain('请@我回复');
    const q = lastQuestion(start, kb);
    const right = plain(await fake.reply(fake.say(`@反拐助手 ${q.right}`, { userid: 'wangwu', chatid: GROUP })));
    expect(right).toContain('正确');
    expect(right).toContain(`条款 ${q.clausePath}`);
    expect(right).toContain('本轮1题结束');
  });

  it('posts the answer unprompted (aibot_send_msg) when a question times out', async () => {
    const kb = loadKnowledgeBase(knowledgeDir());
    const start = plain(await fake.reply(fake.say('@反拐助手 出题 1', { userid: 'wangwu', chatid: GROUP })));
    const q = lastQuestion(start, kb);
    const pushed = await fake.waitFor(() => fake.pushed(GROUP).find((m) => m.includes('时间到')), 15000);
    expect(plain(pushed)).toContain(`条款 ${q.clausePath}`);
  });

  it('refuses /kb reload to anyone but an administrator (wecom:<userid>)', async () => {
    const refused = plain(await fake.reply(fake.say('@反拐助手 /kb reload', { userid: 'lisi', chatid: GROUP })));
    expect(refused).toContain('只有管理员');
    const allowed = plain(await fake.reply(fake.say('/kb status', { userid: 'boss' })));
    expect(allowed).not.toContain('只有管理员');
    expect(allowed).toMatch(/45|条/u);
  });

  it('全文 after an answer shows the whole clause, and 「不对」 is taken as feedback', async () => {
    const clause = loadKnowledgeBase(knowledgeDir()).clauses.find((c) => c.id === 'p1-2')!;
    // The answer quotes an excerpt; 全文 then shows the whole clause, verbatim.
    expect(plain(await fake.reply(fake.say('联席会议办公室设在哪', { userid: 'zhaoliu' })))).not.toContain(clause.text);
    const full = plain(await fake.reply(fake.say('全文', { userid: 'zhaoliu' })));
    expect(full).toContain('一（二）');
    expect(full).toContain(clause.text);
    const flagged = plain(await fake.reply(fake.say('不对', { userid: 'zhaoliu' })));
    expect(flagged).toContain('谢谢指正');
  });

  it('answers a message redelivered with the same msgid once', async () => {
    const frame = { cmd: 'aibot_msg_callback', headers: { req_id: 'aibot_msg_callback_dup1' }, body: { msgid: 'dup-1', aibotid: fake.botId, chattype: 'single', from: { userid: 'dup' }, msgtype: 'text', text: { content: '婚姻登记谁负责' } } };
    fake.sendRaw(frame);
    await fake.reply('aibot_msg_callback_dup1');
    fake.sendRaw({ ...frame, headers: { req_id: 'aibot_msg_callback_dup2' } });
    fake.sendRaw('{not json');
    // A later message is answered, so the redelivery and the garbage were seen and passed over.
    await fake.reply(fake.say('收养谁配合', { userid: 'dup' }));
    expect(fake.responsesTo('aibot_msg_callback_dup2')).toHaveLength(0);
  });

  it('reconnects after the connection drops, and answers again', async () => {
    const before = fake.authenticated;
    fake.drop();
    await fake.waitFor(() => fake.authenticated > before, 15000);
    const reply = plain(await fake.reply(fake.say('@反拐助手 谁负责婚姻登记相关反拐措施', { userid: 'zhangsan', chatid: GROUP })));
    expect(reply).toContain('省民政厅');
    await bot.waitForStderr(/WeCom: connection lost/u);
  });

  it('closes the connection and exits 0 on SIGTERM', async () => {
    const closes = fake.closes;
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    await fake.waitFor(() => fake.closes > closes, 5000);
  });
});

describe('npm start with WeCom, stopped and started again on the same DATA_DIR', () => {
  it('does not answer a msgid redelivered after the restart, and answers a new one', async () => {
    const vars = { WECOM_BOT_ID: fake.botId, WECOM_BOT_SECRET: fake.secret, WECOM_WS_URL: fake.url, DATA_DIR: tempDir('fanguai-wecom-restart-') };
    const ask = '@反拐助手 谁负责婚姻登记相关反拐措施';
    const msgid = 'restart-msgid-1';
    const first = startProcess(vars);
    let answered: string;
    try {
      await first.waitForStderr(/WeCom: connected/u);
      answered = fake.say(ask, { userid: 'zhangsan', chatid: GROUP, msgid });
      expect(plain(await fake.reply(answered))).toContain('省民政厅');
    } finally {
      await first.stop();
    }
    expect(await first.exited).toBe(0);

    const second = startProcess(vars);
    try {
      await second.waitForStderr(/WeCom: connected/u);
      // WeCom redelivers the callback (same msgid, a new req_id); then someone asks the same anew.
      const redelivered = fake.say(ask, { userid: 'zhangsan', chatid: GROUP, msgid });
      const fresh = fake.say(ask, { userid: 'zhangsan', chatid: GROUP });
      expect(plain(await fake.reply(fresh))).toContain('省民政厅');
      expect(fake.responsesTo(redelivered)).toHaveLength(0);
      expect(fake.responsesTo(answered)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  }, 60000);
});

describe('npm start with WeCom that will not connect', () => {
  it('stops within seconds on a rejected secret, with one line naming the variables', async () => {
    const proc = startProcess({ WECOM_BOT_ID: fake.botId, WECOM_BOT_SECRET: 'wrong', WECOM_WS_URL: fake.url, LOG_LEVEL: 'warn' });
    const started = Date.now();
    expect(await proc.exited).toBe(1);
    expect(Date.now() - started).toBeLessThan(15000);
    const lines = proc.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WeCom rejected .*WECOM_BOT_SECRET/u);
    await proc.stop();
  }, 30000);

  it('stops within seconds when the endpoint cannot be reached, naming WECOM_WS_URL', async () => {
    const gone = new FakeWecom();
    await gone.start();
    const url = gone.url;
    await gone.stop();
    const proc = startProcess({ WECOM_BOT_ID: 'x', WECOM_BOT_SECRET: 'y', WECOM_WS_URL: url, LOG_LEVEL: 'warn' });
    expect(await proc.exited).toBe(1);
    const lines = proc.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('WECOM_WS_URL');
    await proc.stop();
  }, 30000);

  it('refuses a half configuration before connecting, naming the missing variable', async () => {
    const proc = startProcess({ WECOM_BOT_ID: 'x' });
    expect(await proc.exited).toBe(2);
    expect(proc.stderr.trim()).toBe('Configuration error: WECOM_BOT_SECRET is required when WECOM_BOT_ID is set (the Secret of the 智能机器人)');
    await proc.stop();
  }, 30000);
});
