// Slack through Bolt. A thin adapter: Slack events become the chat layer's IncomingMessage, the
// shared handler decides and answers, answers go back as Block Kit (ephemeral for the slash command).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import type { MessageHandler } from '../../src/chat/handler.js';
import { silentLogger, type Logger } from '../../src/chat/logger.js';
import { TEXT } from '../../src/chat/messages.js';
import { createPacer } from '../../src/chat/pacer.js';
import type { PushRegistry } from '../../src/chat/push.js';
import type { SeenIds } from '../../src/chat/seen-ids.js';
import { createBotAuthorize } from './authorize.js';
import { toBoltLogger } from './bolt-logger.js';
import { dedupeEvents } from './dedupe-events.js';
import type { ListenerContext } from './listeners/context.js';
import { registerListeners } from './listeners/index.js';
import { DEFAULT_REQUEST_LIMITS, guardRequests, type RequestLimits } from './request-guard.js';
import { SLACK_TRAITS, slackPushTarget } from './push-target.js';
import { toSlackMessages, type SlackMessage } from './to-slack-messages.js';

export interface SlackAppOptions {
  /** SLACK_BOT_TOKEN (xoxb-…). */
  token: string;
  /** SLACK_SIGNING_SECRET: required for HTTP mode. */
  signingSecret?: string;
  /** SLACK_APP_TOKEN (xapp-…): when set, Socket Mode is used and no port is opened. */
  appToken?: string;
  /** SLACK_API_URL: Web API base URL, e.g. a proxy or a test server (default https://slack.com/api/). */
  apiUrl?: string;
  /** HTTP mode: port for /slack/events (PORT; default 3000; 0 picks a free port). */
  port?: number;
  /** HTTP mode: interface to listen on (default: all). */
  host?: string;
  /** The shared chat handler (trigger rules, commands, core) — the same kind WeChat gets. */
  handler: MessageHandler;
  /** Slash command name (default /fanguai); must match the app manifest. */
  command?: string;
  /** Minimum ms between two posts to one channel; Slack allows about one message per second. */
  minSendIntervalMs?: number;
  /** Web API retry policy; must allow retries so a 429 is retried after Retry-After, not lost. */
  retryConfig?: webApi.RetryOptions;
  logger?: Logger;
  /** Where the app registers its push sender (quiz reveals): chat.postMessage, or postEphemeral for /fanguai. */
  push?: Pick<PushRegistry, 'register'>;
  /** Records a 「回答有误」 click (action flag_wrong) and returns the thank-you; answers get the button only when set. */
  onFlagWrong?: ListenerContext['flagWrong'];
  /** HTTP mode: body cap, clock skew and body time limit (defaults: 1 MB, 5 minutes, 10 s). */
  requestLimits?: Partial<RequestLimits>;
  /** Event ids already handled; pass the SQLite store so a redelivery after a restart is not answered twice. */
  seenEvents?: SeenIds;
}

export interface SlackApp {
  app: App;
  mode: 'socket' | 'http';
  /** Checks the bot token (auth.test), then opens the socket or starts listening. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** HTTP mode, once started: the port actually listened on (useful with port 0). */
  readonly port: number | undefined;
}

export const DEFAULT_SLASH_COMMAND = '/fanguai';
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Web API retries. Each 429 waits its Retry-After inside the client before the retry counts; the
 * extra back-off stays short. Errors other than 429 and network failures are not retried by the client.
 */
export const SLACK_RETRY_CONFIG: webApi.RetryOptions = {
  retries: 8,
  factor: 2,
  minTimeout: 250,
  maxTimeout: 30_000,
  randomize: true,
};

/**
 * The start-up check gives up within seconds: an unreachable Slack (a wrong SLACK_API_URL, no
 * network) should stop start-up with a clear line, not keep it waiting a minute and more.
 */
export const SLACK_STARTUP_RETRY_CONFIG: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000 };

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const logger = options.logger ?? silentLogger;
  const boltLogger = toBoltLogger(logger);
  const mode = options.appToken ? 'socket' : 'http';
  const clientOptions: webApi.WebClientOptions = {
    ...(options.apiUrl ? { slackApiUrl: withTrailingSlash(options.apiUrl) } : {}),
    retryConfig: options.retryConfig ?? SLACK_RETRY_CONFIG,
    rejectRateLimitedCalls: false,
  };

  let receiver: Receiver;
  if (options.appToken) {
    // installerOptions.clientOptions is how the Socket Mode client learns SLACK_API_URL for apps.connections.open.
    receiver = new SocketModeReceiver({ appToken: options.appToken, logger: boltLogger, installerOptions: { clientOptions } });
  } else {
    if (!options.signingSecret) throw new Error('Slack HTTP mode needs a signing secret (SLACK_SIGNING_SECRET), or set SLACK_APP_TOKEN for Socket Mode');
    const http = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      port: options.port ?? 3000,
      logger: boltLogger,
    });
    // Bolt would buffer any body before checking its signature: bound it first.
    http.requestListener = guardRequests(http.requestListener, {
      ...DEFAULT_REQUEST_LIMITS,
      ...options.requestLimits,
      paths: [SLACK_EVENTS_PATH],
      logger,
    });
    receiver = http;
  }

  let app: App;
  const authorize = createBotAuthorize(() => app.client, options.token);
  app = new App({ receiver, authorize, clientOptions, logger: boltLogger });

  app.use(dedupeEvents(options.seenEvents));
  const pacer = createPacer(options.minSendIntervalMs ?? 1000);
  registerListeners(app, {
    handler: options.handler,
    logger,
    command: options.command ?? DEFAULT_SLASH_COMMAND,
    ...(options.onFlagWrong ? { flagWrong: options.onFlagWrong } : {}),
    post: async (client, target, messages) => {
      const where = { channel: target.channel, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) };
      // One reply's messages go out together; an overflowing channel gets one short notice.
      await pacer.send(
        target.channel,
        messages.map((message) => () => client.chat.postMessage({ ...where, ...message })),
        () => client.chat.postMessage({ ...where, text: TEXT.busy }),
      );
    },
  });
  options.push?.register('slack', async (conversationId, outgoing) => {
    const target = slackPushTarget(conversationId);
    const post = (message: SlackMessage) =>
      target.user
        ? app.client.chat.postEphemeral({ token: options.token, channel: target.channel, user: target.user, ...message })
        : app.client.chat.postMessage({
            token: options.token,
            channel: target.channel,
            ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
            ...message,
          });
    await pacer.send(
      target.channel,
      toSlackMessages(outgoing).map((message) => () => post(message)),
      () => post({ text: TEXT.busy }),
    );
  }, SLACK_TRAITS);
  // The last line of defence: whatever escapes a listener is logged, never rethrown.
  app.error(async (error) => {
    logger.error('Slack event failed', error);
  });

  let server: Server | undefined;
  let started = false;
  const boundPort = (): number | undefined => {
    const address = server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  };
  return {
    app,
    mode,
    get port() {
      return boundPort();
    },
    async start() {
      // Its retries' warnings would come before the one line that says what is wrong: debug only.
      const quietRetries: Logger = {
        debug: (m, e) => logger.debug(m, e),
        info: (m, e) => logger.info(m, e),
        warn: (m, e) => logger.debug(m, e),
        error: (m, e) => logger.error(m, e),
      };
      const startup = new webApi.WebClient(undefined, { ...clientOptions, retryConfig: SLACK_STARTUP_RETRY_CONFIG, logger: toBoltLogger(quietRetries) });
      try {
        await authorize.through(startup);
      } catch (error) {
        throw new Error(
          isPlatformError(error)
            ? `Slack rejected the bot token (SLACK_BOT_TOKEN): ${describe(error)}`
            : `Slack could not be reached at ${options.apiUrl ?? 'https://slack.com/api/'} (SLACK_API_URL, network): ${describe(error)}`,
        );
      }
      if (mode === 'http') {
        const listen = { port: options.port ?? 3000, ...(options.host ? { host: options.host } : {}) };
        server = (await app.start(listen)) as Server;
        logger.info(`Slack: listening for events on port ${boundPort() ?? listen.port} at ${SLACK_EVENTS_PATH}`);
      } else {
        try {
          await app.start();
        } catch (error) {
          throw new Error(
            isPlatformError(error)
              ? `Slack rejected the app token (SLACK_APP_TOKEN): ${describe(error)}`
              : `Slack Socket Mode could not connect (SLACK_APP_TOKEN, SLACK_API_URL, network): ${describe(error)}`,
          );
        }
        logger.info('Slack: connected in Socket Mode');
      }
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      const stopping = app.stop();
      // Keep-alive sockets would hold close() open until they time out.
      server?.closeIdleConnections();
      await stopping;
      server = undefined;
    },
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Slack answered, with ok: false (invalid_auth, token_revoked …), as opposed to no usable answer. */
function isPlatformError(error: unknown): boolean {
  return (error as { code?: unknown })?.code === webApi.ErrorCode.PlatformError;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { data?: { error?: unknown } }).data?.error;
    return typeof code === 'string' ? code : error.message;
  }
  return String(error);
}
