// A wechaty-puppet-mock room with Alice and Bob, and the bot wired as start.ts wires it: the real
// core, the real chat handler, the quiz on a SQLite file under a DATA_DIR, and the push path.
// restart() builds a new bot, quiz and database connection (and mock world, same ids) on the same data.
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { Wechaty } from 'wechaty';
import { createWechatyBot } from '../../adapters/wechat/index.js';
import { createChatHandler } from '../../src/chat/create-chat-handler.js';
import { createPushRegistry } from '../../src/chat/push.js';
import { createAssistant } from '../../src/core/assistant.js';
import { createQuiz, type Quiz } from '../../src/quiz/create-quiz.js';
import { databasePath, openDatabase, type Db } from '../../src/store/open-database.js';
import type { Scheduler } from '../../src/quiz/scheduler.js';
import { onMessage } from '../adapters/wechat/mock-world.js';
import { realKb } from './quiz-harness.js';

export interface QuizWorld {
  mocker: mock.Mocker;
  botUser: mock.ContactMock;
  alice: mock.ContactMock;
  bob: mock.ContactMock;
  room: mock.RoomMock;
  roomSent: string[];
  /** Alice or Bob @-mentions the bot in the room. */
  mention(who: mock.ContactMock, text: string): void;
  /** A new bot on the same data; `roomGone`: the bot is no longer in the room (WeChat does not list it). */
  restart(options?: { scheduler?: Scheduler; roomGone?: boolean }): Promise<void>;
  stop(): Promise<void>;
  readonly quiz: Quiz;
}

export interface QuizWorldOptions {
  /** The quiz's clock (a fake one drives the daily question); the daily question starts with the bot. */
  scheduler?: Scheduler;
  adminIds?: string[];
}

export async function startQuizWorld(dataDir: string, timeoutSeconds: number, options: QuizWorldOptions = {}): Promise<QuizWorld> {
  const assistant = createAssistant({ kb: realKb() });
  const roomSent: string[] = [];
  let running: { bot: Wechaty; quiz: Quiz; db: Db } | undefined;

  // Fixed ids: after a restart WeChat gives the same room and people the same ids, and scores key on them.
  const boot = async (scheduler = options.scheduler, roomGone = false): Promise<Omit<QuizWorld, 'roomSent' | 'mention' | 'restart' | 'stop'>> => {
    const mocker = new mock.Mocker();
    const db = openDatabase(databasePath(dataDir));
    const push = createPushRegistry();
    const quiz = createQuiz({ db, getKnowledge: realKb, push, timeoutSeconds, pauseMs: 300, ...(scheduler ? { scheduler } : {}) });
    const handler = createChatHandler({
      assistant,
      prefixes: ['反拐', '/fanguai'],
      commands: [quiz.command],
      interceptors: [quiz.interceptor],
      ...(options.adminIds ? { adminIds: options.adminIds } : {}),
    });
    const bot = createWechatyBot({ handler, puppet: new PuppetMock({ mocker }), printQr: false, minSendIntervalMs: 20, push });
    await bot.start();
    running = { bot, quiz, db };
    const botUser = mocker.createContact({ id: 'wxid_bot', name: '反拐助手' });
    mocker.login(botUser);
    const alice = mocker.createContact({ id: 'wxid_alice', name: 'Alice' });
    const bob = mocker.createContact({ id: 'wxid_bob', name: 'Bob' });
    // A room the bot has left is not one WeChat lists for it any more.
    const room = mocker.createRoom({ id: roomGone ? 'elsewhere@chatroom' : 'training@chatroom', topic: '反拐培训群', memberIdList: [botUser.id, alice.id, bob.id] });
    onMessage(room, (m) => {
      if (m.payload.talkerId === botUser.id) roomSent.push(m.payload.text ?? '');
    });
    // As start.ts does: daily questions once the platform can send.
    quiz.start();
    return { mocker, botUser, alice, bob, room, quiz };
  };
  const shutdown = async () => {
    if (!running) return;
    await running.bot.stop();
    running.quiz.close();
    running.db.close();
    running = undefined;
  };

  const world: QuizWorld = {
    ...(await boot()),
    roomSent,
    mention(who, text) {
      who.say(`@反拐助手\u2005${text}`, [world.botUser]).to(world.room);
    },
    async restart(again = {}) {
      await shutdown();
      Object.assign(world, await boot(again.scheduler ?? options.scheduler, again.roomGone ?? false));
    },
    stop: shutdown,
  };
  return world;
}
