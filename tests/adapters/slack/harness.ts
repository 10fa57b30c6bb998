// End-to-end harness: a fake Slack Web API on 127.0.0.1 that records calls, the real Bolt app in
// HTTP mode on a random port, and Slack-signed requests sent to it over real HTTP.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage as HttpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../../adapters/slack/index.js';
import type { MessageHandler } from '../../../src/chat/handler.js';
import type { Logger } from '../../../src/chat/logger.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_USER_ID = 'UBOT0001';
export const BOT_ID = 'BBOT0001';

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** The Authorization header, where the client sent its token there. */
  authorization?: string;
  at: number;
}

export interface ResponseUrlPost {
  path: string;
  body: Record<string, unknown>;
  at: number;
}

interface Canned {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** A stand-in for https://slack.com/api/ plus response_url endpoints, on 127.0.0.1 only. */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  private readonly queued = new Map<string, Canned[]>();
  private server!: Server;
  private ts = 1700000000;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, headers, body }) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
        },
        (error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next call of `method` gets this answer instead of the normal one. */
  queue(method: string, canned: Canned): void {
    this.queued.set(method, [...(this.queued.get(method) ?? []), canned]);
  }

  posts(): ApiCall[] {
    return this.calls.filter((c) => c.method === 'chat.postMessage');
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: HttpRequest): Promise<Canned> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const params = parseBody(raw, String(req.headers['content-type'] ?? ''));
    if (path.startsWith('/respond/')) {
      this.responses.push({ path, body: params, at: Date.now() });
      return { status: 200, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, '');
    const authorization = req.headers.authorization;
    this.calls.push({ method, params, ...(authorization ? { authorization } : {}), at: Date.now() });
    const canned = this.queued.get(method)?.shift();
    if (canned) return canned;
    if (method === 'auth.test') {
      return { status: 200, body: { ok: true, user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: 'T0001', user: 'fanguai' } };
    }
    if (method === 'chat.postMessage') {
      this.ts += 1;
      return { status: 200, body: { ok: true, channel: params.channel, ts: `${this.ts}.000100` } };
    }
    return { status: 200, body: { ok: true } };
  }
}

function readBody(req: HttpRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Web API calls come form-encoded with JSON in fields like blocks; respond() posts JSON. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeParse(value) : value;
  }
  return out;
}

function safeParse(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

// ---- the Bolt app under test ----------------------------------------------------------------

export interface Harness {
  slack: FakeSlack;
  bot: SlackApp;
  /** http://127.0.0.1:port/slack/events */
  eventsUrl: string;
  logs: string[];
  stop(): Promise<void>;
}

export async function startHarness(
  handler: MessageHandler,
  overrides: Partial<SlackAppOptions> = {},
): Promise<Harness> {
  const slack = new FakeSlack();
  await slack.start();
  const logs: string[] = [];
  const bot = createSlackApp({
    token: 'xoxb-test',
    signingSecret: SIGNING_SECRET,
    // No trailing slash on purpose: SLACK_API_URL is accepted either way.
    apiUrl: `${slack.url}/api`,
    port: 0,
    host: '127.0.0.1',
    handler,
    minSendIntervalMs: 0,
    logger: memoryLogger(logs),
    ...overrides,
  });
  await bot.start();
  return {
    slack,
    bot,
    eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`,
    logs,
    async stop() {
      await bot.stop();
      await slack.stop();
    },
  };
}

function memoryLogger(lines: string[]): Logger {
  const at = (level: string) => (message: string, extra?: unknown) => {
    lines.push(`${level} ${message}${extra instanceof Error ? ` ${extra.message}` : extra === undefined ? '' : ` ${String(extra)}`}`);
  };
  return { debug: () => {}, info: at('info'), warn: at('warn'), error: at('error') };
}

// ---- signed requests -------------------------------------------------------------------------

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  contentType?: string;
  headers?: Record<string, string>;
}

export async function sendSigned(url: string, body: string, opts: SendOptions = {}): Promise<Response> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': opts.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp, opts.secret),
      ...opts.headers,
    },
    body,
  });
}

let eventSeq = 0;

/** An Events API envelope as Slack sends it. */
export function eventBody(event: Record<string, unknown>, eventId = `Ev${Date.now()}${++eventSeq}`): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T0001',
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0001', user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    event,
  });
}

export function mentionEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: 'U0ALICE',
    text: `<@${BOT_USER_ID}> ${text}`,
    ts: '1712345678.000200',
    channel: 'C0TRAINING',
    event_ts: '1712345678.000200',
    ...extra,
  };
}

export function directMessageEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    channel_type: 'im',
    user: 'U0ALICE',
    text,
    ts: '1712345679.000300',
    channel: 'D0ALICE',
    event_ts: '1712345679.000300',
    ...extra,
  };
}

/** A slash command as Slack posts it: form-encoded, with a response_url on the fake server. */
export function commandBody(slack: FakeSlack, text: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0001',
    team_domain: 'fujian',
    channel_id: 'C0TRAINING',
    channel_name: 'training',
    user_id: 'U0ALICE',
    user_name: 'alice',
    command: '/fanguai',
    text,
    api_app_id: 'A0001',
    response_url: `${slack.url}/respond/T0001/1/abc`,
    trigger_id: '1.2.3',
    ...extra,
  }).toString();
}

export const FORM = 'application/x-www-form-urlencoded';

/** Poll until `check` holds (real I/O, so no fake timers). */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Text of every mrkdwn/plain text object in a message's blocks, in order. */
export function blockText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out.join('\n');
}
