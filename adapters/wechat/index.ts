// WeChat groups through Wechaty. A thin adapter: Wechaty messages become IncomingMessage, the shared
// handler decides and answers, replies go back split under WeChat's limit and paced per room.
import { join } from 'node:path';
import qrcodeTerminal from 'qrcode-terminal';
import { WechatyBuilder, qrcodeValueToImageUrl, types, type Message, type Wechaty } from 'wechaty';
import type { PuppetInterface } from 'wechaty-puppet/impls';
import { deliver } from '../../src/chat/deliver.js';
import type { MessageHandler } from '../../src/chat/handler.js';
import type { PushRegistry } from '../../src/chat/push.js';
import { silentLogger, type Logger } from '../../src/chat/logger.js';
import { createPacer, systemClock, type Clock } from '../../src/chat/pacer.js';
import { WECHAT_TEXT_LIMIT } from '../../src/chat/split-text.js';
import { createRoomAllowlist } from './room-allowlist.js';
import { toIncoming } from './to-incoming.js';

export interface WechatyBotOptions {
  /** The shared message handler (src/chat/create-chat-handler.ts builds it with the real core). */
  handler: MessageHandler;
  /** A puppet instance (tests pass a wechaty-puppet-mock PuppetMock). Wins over puppetName. */
  puppet?: PuppetInterface;
  /** Puppet module name from WECHATY_PUPPET, e.g. wechaty-puppet-service. */
  puppetName?: string;
  /** WECHATY_PUPPET_TOKEN / WECHATY_PUPPET_SERVICE_TOKEN. */
  puppetToken?: string;
  /** Wechaty instance name. */
  name?: string;
  /** DATA_DIR: the login session (memory card) is kept there, not in the working directory. */
  dataDir?: string;
  /** Minimum milliseconds between two sends to the same room or person. */
  minSendIntervalMs?: number;
  /** Longest text of one WeChat message. */
  textLimit?: number;
  clock?: Clock;
  logger?: Logger;
  /** Where the login QR code is drawn; defaults to stdout. Pass false to not draw it. */
  printQr?: ((text: string) => void) | false;
  /** Where the bot registers its push sender (quiz reveals): room or contact by id, paced like replies. */
  push?: Pick<PushRegistry, 'register'>;
  /** WECHAT_ROOM_ALLOWLIST: room ids or group names (resolved to ids at login); empty answers every group. */
  roomAllowlist?: readonly string[];
}

/** Build the bot (not started): call `.start()` on the result. */
export function createWechatyBot(options: WechatyBotOptions): Wechaty {
  const logger = options.logger ?? silentLogger;
  // Wechaty names its memory card file after the instance; an absolute path puts it in DATA_DIR.
  const name = options.dataDir ? join(options.dataDir, options.name ?? 'wechaty') : (options.name ?? 'fanguai');
  const bot = options.puppet
    ? WechatyBuilder.build({ name, puppet: options.puppet })
    : WechatyBuilder.build({
        name,
        // Any installed puppet module may be named; Wechaty loads it by name.
        ...(options.puppetName ? { puppet: options.puppetName as never } : {}),
        ...(options.puppetToken ? { puppetOptions: { token: options.puppetToken } } : {}),
      });
  const pacer = createPacer(options.minSendIntervalMs ?? 0, options.clock ?? systemClock);
  const limit = options.textLimit ?? WECHAT_TEXT_LIMIT;
  const printQr = options.printQr === undefined ? (s: string) => process.stdout.write(`${s}\n`) : options.printQr;

  bot.on('scan', (qrcode, status) => {
    if (status !== types.ScanStatus.Waiting && status !== types.ScanStatus.Timeout) {
      logger.info(`WeChat login: ${types.ScanStatus[status] ?? status}`);
      return;
    }
    logger.info(`WeChat login: scan the QR code with the bot's WeChat account (${qrcodeValueToImageUrl(qrcode)})`);
    if (printQr) qrcodeTerminal.generate(qrcode, { small: true }, printQr);
  });
  const allowlist = createRoomAllowlist(options.roomAllowlist ?? [], logger);
  bot.on('login', (user) => {
    logger.info(`WeChat logged in as ${user.name()}`);
    allowlist.resolve(bot).catch((error: unknown) => logger.error('WECHAT_ROOM_ALLOWLIST could not be resolved; no group is answered', error));
  });
  // After a logout Wechaty keeps running and emits a new scan: nothing to restart here.
  bot.on('logout', (user, reason) => logger.warn(`WeChat logged out (${user.name()})${reason ? `: ${reason}` : ''}; waiting for a new login`));
  // Without a listener an 'error' event would throw and stop the process.
  bot.on('error', (error) => logger.error('WeChat error', error));

  bot.on('message', (message: Message) => {
    // Each message on its own promise: one slow or bad message never blocks or stops the others.
    void onMessage(message).catch((error: unknown) => logger.error('WeChat message failed', error));
  });

  // Rooms and contacts that wrote to the bot, so a push finds its target without a lookup.
  const targets = new Map<string, { say(text: string): Promise<unknown> }>();
  options.push?.register('wechat', async (conversationId, outgoing) => {
    const target = targets.get(conversationId) ?? (await findTarget(bot, conversationId));
    if (!target) throw new Error(`WeChat push: no room or contact ${conversationId}`);
    await deliver(outgoing, { conversationId, limit, pacer, send: (text) => target.say(text) });
  });

  async function onMessage(message: Message): Promise<void> {
    const room = message.room();
    if (room && !allowlist.allows(room.id)) {
      if (!message.self()) allowlist.refused(room.id, await room.topic().catch(() => '?'));
      return;
    }
    const incoming = await toIncoming(bot, message);
    if (!incoming) return;
    if (options.push) {
      targets.delete(incoming.conversationId);
      targets.set(incoming.conversationId, message.room() ?? message.talker());
      if (targets.size > PUSH_TARGETS_LIMIT) targets.delete(targets.keys().next().value as string);
    }
    const outgoing = await options.handler(incoming);
    if (outgoing.length === 0) return;
    const target = message.room() ?? message.talker();
    await deliver(outgoing, {
      conversationId: incoming.conversationId,
      limit,
      pacer,
      send: (text) => target.say(text),
    });
  }

  return bot;
}

/** How many recent conversations the push path remembers. */
const PUSH_TARGETS_LIMIT = 2000;

/** A room id from WeChat ends in @chatroom; anything else is a person. */
async function findTarget(bot: Wechaty, id: string): Promise<{ say(text: string): Promise<unknown> } | undefined> {
  return id.endsWith('@chatroom') ? bot.Room.find({ id }) : bot.Contact.find({ id });
}
