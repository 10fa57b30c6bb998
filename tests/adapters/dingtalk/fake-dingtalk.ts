// A stand-in for DingTalk's Stream gateway and robot APIs on 127.0.0.1, speaking what dingtalk-stream
// 2.1.5 sends and expects (read from its dist/client.mjs) and what the robot APIs take:
//   POST /v1.0/gateway/connections/open {clientId, clientSecret, ua, subscriptions} → {endpoint, ticket}
//   WebSocket endpoint?ticket=…; server → {specVersion, type: CALLBACK|SYSTEM, headers:{messageId, topic…}, data}
//   client → ack {code: 200, headers:{contentType, messageId}, message: 'OK', data}
//   POST sessionWebhook {msgtype: 'markdown', markdown:{title, text}} → {errcode: 0}
//   POST /v1.0/oauth2/accessToken {appKey, appSecret} → {accessToken, expireIn}
//   POST /v1.0/robot/groupMessages/send | oToMessages/batchSend (x-acs-dingtalk-access-token) {robotCode, msgKey, msgParam, …}
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Posted {
  /** sessionWebhook session, or the OpenAPI path. */
  via: string;
  /** Who it went to: the message id answered, or the group / users of an OpenAPI post. */
  to: string;
  title: string;
  text: string;
  /** When the fake received it (ms). */
  at: number;
}

export interface Where {
  staffId: string;
  nick?: string;
  /** A group (openConversationId and title); absent for a single chat. */
  group?: { id: string; title: string };
  /** isInAtList: the message @-mentions the bot. */
  atBot?: boolean;
  /** How long the sessionWebhook stays valid (default 90 minutes). */
  webhookMs?: number;
  /** The message's msgId, to redeliver an earlier message (default: a new one). */
  msgId?: string;
  /** The stream frame's messageId, what the ack carries (default: the msgId). */
  messageId?: string;
}

export class FakeDingtalk {
  readonly posted: Posted[] = [];
  readonly acks: string[] = [];
  readonly systemReplies: unknown[] = [];
  gatewayCalls = 0;
  subscriptions: Array<{ type: string; topic: string }> = [];
  closes = 0;
  private server!: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly sessions = new Map<string, string>();
  private socket: WebSocket | undefined;
  private readonly token = `tok-${randomUUID()}`;

  constructor(
    readonly clientId = 'dingtestclient',
    readonly clientSecret = 'test-client-secret',
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.onHttp(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const ticket = url.searchParams.get('ticket') ?? '';
      if (url.pathname !== '/stream' || !this.tickets.delete(ticket)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get gatewayUrl(): string {
    return `${this.origin}/v1.0/gateway/connections/open`;
  }

  get connected(): boolean {
    return this.socket !== undefined;
  }

  /** A person writes to the robot; returns the message id (msgId, also the stream messageId). */
  say(text: string, where: Where): string {
    if (!this.socket) throw new Error('no stream connected');
    const msgId = where.msgId ?? `msg${randomUUID()}`;
    const session = randomUUID();
    this.sessions.set(session, msgId);
    const data = {
      conversationId: where.group?.id ?? `cid-single-${where.staffId}`,
      chatbotCorpId: 'dingcorp',
      chatbotUserId: '$:LWCP_v1:$bot',
      msgId,
      senderNick: where.nick ?? where.staffId,
      isAdmin: false,
      senderStaffId: where.staffId,
      sessionWebhookExpiredTime: Date.now() + (where.webhookMs ?? 90 * 60_000),
      createAt: Date.now(),
      senderCorpId: 'dingcorp',
      conversationType: where.group ? '2' : '1',
      ...(where.group ? { conversationTitle: where.group.title, isInAtList: where.atBot ?? false } : {}),
      senderId: `$:LWCP_v1:$${where.staffId}`,
      sessionWebhook: `${this.origin}/robot/sendBySession?session=${session}`,
      robotCode: this.clientId,
      msgtype: 'text',
      text: { content: text },
    };
    this.sendDown('CALLBACK', '/v1.0/im/bot/messages/get', JSON.stringify(data), where.messageId ?? msgId);
    return msgId;
  }

  /** A sessionWebhook whose posts count as replies to `msgId` (for hand-made messages). */
  webhookFor(msgId: string): string {
    const session = randomUUID();
    this.sessions.set(session, msgId);
    return `${this.origin}/robot/sendBySession?session=${session}`;
  }

  /** A raw downstream frame (redeliveries, other topics, garbage). */
  sendDown(type: string, topic: string, data: string, messageId: string = randomUUID()): void {
    this.socket?.send(
      JSON.stringify({
        specVersion: '1.0',
        type,
        headers: { appId: 'app', connectionId: 'conn', contentType: 'application/json', messageId, time: String(Date.now()), topic },
        data,
      }),
    );
  }

  /** The markdown texts posted in answer to a message, in order. */
  repliesTo(msgId: string): string[] {
    return this.posted.filter((p) => p.to === msgId).map((p) => p.text);
  }

  async reply(msgId: string, timeoutMs = 10000): Promise<string> {
    await this.waitFor(() => this.repliesTo(msgId).length > 0, timeoutMs);
    // Give a split reply a moment to arrive whole.
    await new Promise((r) => setTimeout(r, 300));
    return this.repliesTo(msgId).join('\n\n');
  }

  drop(): void {
    this.socket?.terminate();
  }

  async waitFor(check: () => boolean, timeoutMs = 10000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > until) throw new Error('FakeDingtalk: timed out waiting');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onSocket(ws: WebSocket): void {
    this.socket = ws;
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as { code?: number; headers?: { messageId?: string; topic?: string }; data?: string };
      if (frame.headers?.topic === 'ping') this.systemReplies.push(frame);
      else if (frame.code === 200 && frame.headers?.messageId) this.acks.push(frame.headers.messageId);
    });
    ws.on('close', () => {
      this.closes += 1;
      if (this.socket === ws) this.socket = undefined;
    });
  }

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    switch (url.pathname) {
      case '/v1.0/gateway/connections/open': {
        this.gatewayCalls += 1;
        if (body.clientId !== this.clientId || body.clientSecret !== this.clientSecret) {
          return json(401, { code: 'InvalidAuthentication', message: 'clientId or clientSecret is invalid' });
        }
        this.subscriptions = body.subscriptions as Array<{ type: string; topic: string }>;
        const ticket = randomUUID();
        this.tickets.add(ticket);
        return json(200, { endpoint: `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/stream`, ticket });
      }
      case '/robot/sendBySession': {
        const msgId = this.sessions.get(url.searchParams.get('session') ?? '');
        if (!msgId) return json(200, { errcode: 300001, errmsg: 'session invalid' });
        const md = body.markdown as { title: string; text: string };
        this.posted.push({ via: 'webhook', to: msgId, title: md.title, text: md.text, at: Date.now() });
        return json(200, { errcode: 0, errmsg: 'ok' });
      }
      case '/v1.0/oauth2/accessToken':
        if (body.appKey !== this.clientId || body.appSecret !== this.clientSecret) return json(400, { code: 'invalidClientIdOrSecret', message: 'bad app' });
        return json(200, { accessToken: this.token, expireIn: 7200 });
      case '/v1.0/robot/groupMessages/send':
      case '/v1.0/robot/oToMessages/batchSend': {
        if (req.headers['x-acs-dingtalk-access-token'] !== this.token) return json(401, { code: 'InvalidAuthentication', message: 'token' });
        const param = JSON.parse(String(body.msgParam)) as { title: string; text: string };
        const to = typeof body.openConversationId === 'string' ? body.openConversationId : (body.userIds as string[]).join(',');
        this.posted.push({ via: url.pathname, to, title: param.title, text: param.text, at: Date.now() });
        return json(200, { processQueryKey: randomUUID() });
      }
      default:
        return json(404, { code: 'NotFound', message: url.pathname });
    }
  }
}
