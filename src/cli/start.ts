// `npm start`: read the environment once, load the knowledge, then run the configured chat
// platforms (adapters/index.ts: any mix of WeChat, Slack, WeCom, DingTalk) — or, when none is
// configured, the console chat.
import { mkdirSync } from 'node:fs';
import { ADAPTERS } from '../../adapters/index.js';
import type { AdapterContext, AdapterFactory, ChatAdapter } from '../chat/adapter.js';
import { createChatHandler } from '../chat/create-chat-handler.js';
import { createLastReplies } from '../chat/last-replies.js';
import { createLogger } from '../chat/logger.js';
import { ConfigError } from '../config/config-error.js';
import { loadConfig, type AppConfig } from '../config/load-config.js';
import { openLiveAssistant, type LiveAssistant } from '../core/live-assistant.js';
import { KnowledgeError, formatProblem } from '../knowledge/load.js';
import { createFeedback } from '../admin/feedback.js';
import { createChangesInterceptor } from '../admin/changes-chat.js';
import { createKbCommand } from '../admin/kb-command.js';
import { logReload } from '../admin/log-reload.js';
import { createMissStore } from '../store/misses.js';
import { startCli } from './command-line.js';
import { isMain } from './is-main.js';
import { writePidFile } from './pid-file.js';
import { createPushRegistry } from '../chat/push.js';
import { createQuiz, type Quiz } from '../quiz/create-quiz.js';
import { databasePath, openDatabase, type Db } from '../store/open-database.js';
import { backupsDir, checkDatabaseIntegrity, createDailyBackups, DatabaseIntegrityError } from '../store/backup.js';
import { startUpkeep } from '../store/daily-upkeep.js';
import { createSeenEventStore } from '../store/seen-events.js';

export interface StartIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Resolves with the exit code when done (console, or a start-up failure); undefined while bots run. */
export async function main(io: StartIo = process): Promise<number | undefined> {
  let config: AppConfig;
  try {
    config = loadConfig(io.env);
    mkdirData(config.dataDir);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, (line) => io.stderr.write(`${line}\n`));

  // Served live, so /kb reload and SIGHUP swap in edited knowledge; live.kb() is always the current one.
  let live: LiveAssistant;
  try {
    // Read and validated off the event loop, within the loader's size and time limits.
    live = await openLiveAssistant({
      knowledgeDir: config.knowledgeDir,
      // What is being served, for `npm run kb -- diff`; not being able to write it must not stop the chat.
      dataDir: config.dataDir,
      onSnapshotError: (error) => logger.warn(`cannot write the served-knowledge snapshot in ${config.dataDir}`, error),
    });
  } catch (error) {
    if (error instanceof KnowledgeError) {
      io.stderr.write(`Knowledge error in ${config.knowledgeDir} (run \`npm run kb -- check\`):\n`);
      for (const p of error.problems) io.stderr.write(`  ${formatProblem(p)}\n`);
      return 1;
    }
    io.stderr.write(`Cannot load knowledge from ${config.knowledgeDir}: ${(error as Error).message}\n`);
    return 1;
  }

  // Quiz scores live in DATA_DIR/assistant.sqlite; timeout reveals go out through the push path,
  // where each adapter registers its sender (src/chat/push.ts).
  const push = createPushRegistry();
  let db: Db;
  let quiz: Quiz;
  try {
    // A damaged file stops start-up here, naming the newest backup, instead of failing later mid-chat.
    checkDatabaseIntegrity(databasePath(config.dataDir), backupsDir(config.dataDir));
    db = openDatabase(databasePath(config.dataDir));
    quiz = createQuiz({
      db,
      getKnowledge: () => live.kb(),
      push,
      timeoutSeconds: config.quiz.timeoutSeconds,
      timeZone: config.quiz.timeZone,
      dailyWindowMinutes: config.quiz.dailyWindowMinutes,
      ...(config.quiz.seed !== undefined ? { seed: config.quiz.seed } : {}),
      logger,
    });
  } catch (error) {
    if (error instanceof DatabaseIntegrityError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    io.stderr.write(`Cannot open the database in ${config.dataDir}: ${(error as Error).message}\n`);
    return 1;
  }

  // Unanswered and flagged questions (DATA_DIR/assistant.sqlite), for `npm run kb -- misses`.
  const misses = createMissStore(db);
  const feedback = createFeedback({ store: misses, version: () => live.kb().version, logger });
  // At start-up and hourly: today's backup in DATA_DIR/backups/ (seven kept), misses past their retention.
  const backups = createDailyBackups({ db, dir: backupsDir(config.dataDir) });
  const upkeep = startUpkeep(
    [
      {
        name: 'misses retention',
        run: () => {
          const gone = misses.prune(config.missesRetentionDays);
          if (gone > 0) logger.info(`deleted ${gone} misses older than ${config.missesRetentionDays} days (MISSES_RETENTION_DAYS)`);
        },
      },
      {
        name: 'daily backup',
        run: async () => {
          const made = await backups.runIfDue();
          if (made) logger.info(`database backed up to ${made}`);
        },
      },
    ],
    { logger },
  );
  // For `kill -HUP $(cat DATA_DIR/fanguai.pid)`: npm's own pid is not the assistant's.
  const removePidFile = writePidFile(config.dataDir, logger);
  // Housekeeping and the quiz's timers first, then the database they share.
  const closeState = async () => {
    await upkeep.stop();
    quiz.close();
    db.close();
    removePidFile();
  };
  const kbCommand = createKbCommand({ live, onReload: (result, by) => logReload(logger, result, by) });
  // 「这个文件最近改了什么」「二（一）3（1）改过吗」: answered from the served knowledge's versions.
  const changesInChat = createChangesInterceptor({ getKnowledge: () => live.kb() });
  const reloadOnSignal = () => void live.reload().then((result) => logReload(logger, result, 'SIGHUP'));
  process.on('SIGHUP', reloadOnSignal);

  // One memory of each conversation's last reply, whichever platform it is on (全文, 「不对」).
  const lastReplies = createLastReplies();
  const context: AdapterContext = {
    handler: (options = {}) =>
      feedback.observe(
        createChatHandler({
          assistant: live,
          prefixes: config.prefixes,
          groupAllowlist: options.groupAllowlist ?? [],
          adminIds: config.adminIds,
          lastReplies,
          logger,
          commands: [quiz.command, kbCommand],
          interceptors: [quiz.interceptor, feedback.interceptor, changesInChat],
        }),
      ),
    logger,
    dataDir: config.dataDir,
    stdin: io.stdin,
    stdout: io.stdout,
    flag: (f) => feedback.flag(f),
    // Event ids already handled, in the SQLite file: a redelivery after a restart is not answered twice.
    seenIds: (platform) => createSeenEventStore(db, { namespace: platform }),
  };

  // A stray rejection inside a chat SDK must not take every conversation down with it.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', reason));

  const running: ChatAdapter[] = [];
  try {
    for (const platform of config.platforms) {
      const definition = ADAPTERS.find((a) => a.platform === platform)!;
      const create = (await definition.load()) as AdapterFactory<unknown>;
      const adapter = create(config.settings[platform], context);
      await adapter.start();
      running.push(adapter);
      push.register(adapter.platform, (conversationId, outgoing) => adapter.push(conversationId, outgoing), adapter.traits);
    }
  } catch (error) {
    io.stderr.write(`Start-up failed: ${(error as Error).message}\n`);
    await Promise.allSettled(running.map((r) => r.stop()));
    await closeState();
    return 1;
  }

  // Daily questions once the platforms can send (a WeChat still waiting for its login gets retries).
  quiz.start();

  // Only platforms that end by themselves (the console alone): the program ends with them.
  if (running.every((r) => r.ended)) {
    await Promise.all(running.map((r) => r.ended));
    // End of input ends the chat: a question still in flight is dropped, finished ones are saved.
    await closeState();
    process.off('SIGHUP', reloadOnSignal);
    return 0;
  }

  const labels = running.map((r) => ADAPTERS.find((a) => a.platform === r.platform)?.label ?? r.platform);
  const shutdown = (signal: string) => {
    logger.info(`${signal}: stopping ${labels.join(', ')}`);
    void Promise.allSettled(running.map((r) => r.stop()))
      .then(closeState)
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return undefined;
}

function mkdirData(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new ConfigError('DATA_DIR', `cannot be created at ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

if (isMain(import.meta.url)) {
  startCli();
  main().then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (error: unknown) => {
      // The last resort: still one line, no stack trace (LOG_LEVEL=debug shows more in the logs).
      process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
