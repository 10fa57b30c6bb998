// WECHAT_ROOM_ALLOWLIST by room id (wechaty-puppet-mock): a group name in the list is resolved to the
// ids of the groups carrying it at login and logged; renaming another group to that name later does
// not let it in, and the allowed group stays allowed under a new name.
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { Wechaty } from 'wechaty';
import { afterEach, describe, expect, it } from 'vitest';
import { createWechatyBot } from '../../../adapters/wechat/index.js';
import { createMessageHandler } from '../../../src/chat/handler.js';
import type { Logger } from '../../../src/chat/logger.js';
import { fakeAssistant, renderClause, renderReply } from '../../chat/fake-assistant.js';
import { onMessage, settle, waitFor } from './mock-world.js';

let bot: Wechaty | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function world(allowlist: string[]) {
  const logs: string[] = [];
  const logger: Logger = { debug: () => {}, info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) };
  const mocker = new mock.Mocker();
  const handler = createMessageHandler({
    assistant: fakeAssistant(),
    trigger: { prefixes: ['反拐'], groupAllowlist: [] },
    renderReply,
    renderClause,
  });
  bot = createWechatyBot({ handler, puppet: new PuppetMock({ mocker }), printQr: false, roomAllowlist: allowlist, logger });
  await bot.start();
  const me = mocker.createContact({ name: '反拐助手' });
  const alice = mocker.createContact({ name: 'Alice' });
  const training = mocker.createRoom({ topic: '培训群', memberIdList: [me.id, alice.id] });
  const other = mocker.createRoom({ topic: '闲聊群', memberIdList: [me.id, alice.id] });
  const sentTo = (room: mock.RoomMock) => {
    const sent: string[] = [];
    onMessage(room, (m) => {
      if (m.payload.talkerId === me.id) sent.push(m.payload.text ?? '');
    });
    return sent;
  };
  const trainingSent = sentTo(training);
  const otherSent = sentTo(other);
  mocker.login(me);
  await waitFor(() => logs.some((l) => l.startsWith('WECHAT_ROOM_ALLOWLIST')), 'the allowlist resolved at login');
  return { mocker, me, alice, training, other, trainingSent, otherSent, logs };
}

describe('WeChat room allowlist', () => {
  it('resolves a group name to its room id at login, logs it, and a later rename does not widen it', async () => {
    const w = await world(['培训群']);
    expect(w.logs).toContain(`WECHAT_ROOM_ALLOWLIST: 「培训群」 → room ${w.training.id}`);

    w.alice.say('反拐 谁负责婚姻登记').to(w.training);
    await waitFor(() => w.trainingSent.length === 1, 'the answer in the allowed group');
    w.alice.say('反拐 谁负责婚姻登记').to(w.other);
    await settle();
    expect(w.otherSent).toEqual([]);

    // Someone renames the other group to the allowed name: still not answered there.
    w.other.topic('培训群').by(w.alice);
    await settle();
    // The bot does see the new name: matching by name would have answered.
    expect(await (await bot!.Room.find({ id: w.other.id }))?.topic()).toBe('培训群');
    w.alice.say('反拐 谁负责婚姻登记').to(w.other);
    await settle(500);
    expect(w.otherSent).toEqual([]);
    expect(w.logs.some((l) => l.includes(`room ${w.other.id}): not in WECHAT_ROOM_ALLOWLIST`))).toBe(true);

    // The allowed group renamed is still the allowed group.
    w.training.topic('反拐培训群').by(w.alice);
    await settle();
    w.alice.say('反拐 谁负责婚姻登记').to(w.training);
    await waitFor(() => w.trainingSent.length === 2, 'the answer in the renamed allowed group');
  });

  it('warns about a name it cannot find and then answers in no group, private chats still answered', async () => {
    const w = await world(['没有这个群']);
    expect(w.logs).toContain('WECHAT_ROOM_ALLOWLIST: no group 「没有这个群」 at login; it is not answered (list its room id to allow it)');
    w.alice.say('反拐 谁负责婚姻登记').to(w.training);
    await settle();
    expect(w.trainingSent).toEqual([]);
    // Private chats are never filtered.
    const privately: string[] = [];
    onMessage(w.alice, (m) => {
      if (m.payload.talkerId === w.me.id) privately.push(m.payload.text ?? '');
    });
    w.alice.say('谁负责婚姻登记').to(w.me);
    await waitFor(() => privately.length === 1, 'the private answer');
  });

  it('allows a room listed by id', async () => {
    const mocker = new mock.Mocker();
    // The id is known only once the room exists: make it first, then list it.
    const probe = mocker.createRoom({ topic: '按编号的群', memberIdList: [] });
    expect(probe.id).toBeTruthy();
    const logs: string[] = [];
    const logger: Logger = { debug: () => {}, info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) };
    const handler = createMessageHandler({ assistant: fakeAssistant(), trigger: { prefixes: ['反拐'], groupAllowlist: [] }, renderReply, renderClause });
    bot = createWechatyBot({ handler, puppet: new PuppetMock({ mocker }), printQr: false, roomAllowlist: [probe.id], logger });
    await bot.start();
    const me = mocker.createContact({ name: '反拐助手' });
    const alice = mocker.createContact({ name: 'Alice' });
    probe.add(me, alice);
    const sent: string[] = [];
    onMessage(probe, (m) => {
      if (m.payload.talkerId === me.id) sent.push(m.payload.text ?? '');
    });
    mocker.login(me);
    await waitFor(() => logs.includes(`WECHAT_ROOM_ALLOWLIST: 「${probe.id}」 → room ${probe.id}`), 'the id resolved');
    alice.say('反拐 谁负责婚姻登记').to(probe);
    await waitFor(() => sent.length === 1, 'the answer in the room listed by id');
  });
});
