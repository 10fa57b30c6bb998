// A wechaty-puppet-mock world for adapter tests: the bot's account, Alice, and a group with both.
// Collects what the bot sends to the room and to Alice privately.
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { Wechaty } from 'wechaty';
import { createWechatyBot, type WechatyBotOptions } from '../../../adapters/wechat/index.js';

/**
 * What the bot sends into a room or to a contact. The mocks are EventEmitters, but under NodeNext
 * resolution their typings lose that (typed-emitter's CommonJS default export), hence the cast.
 */
export function onMessage(who: mock.RoomMock | mock.ContactMock, listener: (message: mock.MessageMock) => void): void {
  (who as unknown as { on(event: 'message', listener: (message: mock.MessageMock) => void): unknown }).on('message', listener);
}

export interface MockWorld {
  bot: Wechaty;
  mocker: mock.Mocker;
  botUser: mock.ContactMock;
  alice: mock.ContactMock;
  /** A second member of the group. */
  bob: mock.ContactMock;
  room: mock.RoomMock;
  /** Texts the bot sent into the room, in order. */
  roomSent: string[];
  /** Texts the bot sent to Alice privately. */
  aliceSent: string[];
  stop(): Promise<void>;
}

export async function startMockWorld(options: Omit<WechatyBotOptions, 'puppet'>, roomTopic = '反拐工作群'): Promise<MockWorld> {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const bot = createWechatyBot({ printQr: false, ...options, puppet });
  await bot.start();
  const botUser = mocker.createContact({ name: '反拐助手' });
  mocker.login(botUser);
  const alice = mocker.createContact({ name: 'Alice' });
  const bob = mocker.createContact({ name: 'Bob' });
  const room = mocker.createRoom({ topic: roomTopic, memberIdList: [botUser.id, alice.id, bob.id] });
  const roomSent: string[] = [];
  const aliceSent: string[] = [];
  onMessage(room, (m) => {
    if (m.payload.talkerId === botUser.id) roomSent.push(m.payload.text ?? '');
  });
  onMessage(alice, (m) => {
    if (m.payload.talkerId === botUser.id) aliceSent.push(m.payload.text ?? '');
  });
  return {
    bot,
    mocker,
    botUser,
    alice,
    bob,
    room,
    roomSent,
    aliceSent,
    stop: async () => {
      await bot.stop();
    },
  };
}

/** Wait until check() holds, polling; fails the test with `what` after timeoutMs. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Let pending message events run, for asserting that nothing was sent. */
export const settle = (ms = 300): Promise<void> => new Promise((r) => setTimeout(r, ms));
