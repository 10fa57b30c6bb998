// A stand-in for WeCom's 智能机器人 long-connection server (wss://openws.work.weixin.qq.com) on
// 127.0.0.1, speaking the frames @wecom/aibot-node-sdk 1.0.7 sends and expects (read from its dist/):
//   client → aibot_subscribe {bot_id, secret}   server → {headers:{req_id}, errcode, errmsg}
//   client → ping                               server → {headers:{req_id}, errcode: 0}
//   server → aibot_msg_callback {msgid, aibotid, chatid?, chattype, from:{userid}, msgtype, text:{content}}
//   client → aibot_respond_msg {msgtype: 'stream', stream:{id, finish, content}} with the callback's req_id
//   client → aibot_send_msg {chatid, msgtype: 'markdown', markdown:{content}}; each acked by req_id.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Frame {
  /** When the fake received it (ms). */
  at?: number;
  cmd?: string;
  headers: { req_id: string };
  body?: Record<string, unknown> & { stream?: { id: string; finish?: boolean; content?: string }; chatid?: string; markdown?: { content: string } };
}

export interface Said {
  /** Stream replies to the callback, last frame's content (the full text so far). */
  reqId: string;
}

export class FakeWecom {
  readonly frames: Frame[] = [];
  /** Connections that authenticated. */
  authenticated = 0;
  /** Subscribe attempts, good or bad. */
  subscribes = 0;
  closes = 0;
  private server!: WebSocketServer;
  private socket: WebSocket | undefined;
  private waiters: Array<() => void> = [];

  constructor(
    readonly botId = 'aib-test-bot',
    readonly secret = 'test-secret',
  ) {}

  async start(): Promise<void> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.server.once('listening', () => resolve()));
    this.server.on('connection', (ws) => {
      ws.on('message', (data) => this.onFrame(ws, JSON.parse(data.toString()) as Frame));
      ws.on('close', () => {
        this.closes += 1;
        if (this.socket === ws) this.socket = undefined;
        this.notify();
      });
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /**
   * A person writes to the bot: in a group (chatid) or a single chat. Returns the callback's req_id
   * (a new one each call); `msgid` repeats an earlier message's id, as WeCom's redelivery does.
   */
  say(text: string, where: { userid: string; chatid?: string; msgtype?: 'text' | 'voice'; msgid?: string }): string {
    if (!this.socket) throw new Error('no authenticated connection');
    const reqId = `aibot_msg_callback_${randomUUID()}`;
    const type = where.msgtype ?? 'text';
    this.socket.send(
      JSON.stringify({
        cmd: 'aibot_msg_callback',
        headers: { req_id: reqId },
        body: {
          msgid: where.msgid ?? randomUUID(),
          aibotid: this.botId,
          ...(where.chatid ? { chatid: where.chatid, chattype: 'group' } : { chattype: 'single' }),
          from: { userid: where.userid },
          create_time: Math.floor(Date.now() / 1000),
          response_url: 'https://example.invalid/response',
          msgtype: type,
          [type]: { content: text },
        },
      }),
    );
    return reqId;
  }

  /** Sends a raw frame as the server (redeliveries, malformed input). */
  sendRaw(frame: unknown): void {
    this.socket?.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The finished stream reply to a callback (its full text). */
  async reply(reqId: string, timeoutMs = 10000): Promise<string> {
    const frame = await this.waitFor(() => this.frames.find((f) => f.cmd === 'aibot_respond_msg' && f.headers.req_id === reqId && f.body?.stream?.finish), timeoutMs);
    return frame.body!.stream!.content ?? '';
  }

  /** Messages pushed (aibot_send_msg) into a conversation, in order. */
  pushed(chatid: string): string[] {
    return this.frames.filter((f) => f.cmd === 'aibot_send_msg' && f.body?.chatid === chatid).map((f) => f.body!.markdown!.content);
  }

  responsesTo(reqId: string): Frame[] {
    return this.frames.filter((f) => f.cmd === 'aibot_respond_msg' && f.headers.req_id === reqId);
  }

  /** Cut the connection as a network failure would. */
  drop(): void {
    this.socket?.terminate();
  }

  async waitFor<T>(find: () => T | undefined | false, timeoutMs = 10000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      const left = until - Date.now();
      if (left <= 0) throw new Error('FakeWecom: timed out waiting');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    for (const ws of this.server.clients) ws.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onFrame(ws: WebSocket, frame: Frame): void {
    this.frames.push({ ...frame, at: Date.now() });
    const ack = (errcode = 0, errmsg = 'ok') => ws.send(JSON.stringify({ headers: { req_id: frame.headers.req_id }, errcode, errmsg }));
    switch (frame.cmd) {
      case 'aibot_subscribe': {
        this.subscribes += 1;
        const body = frame.body as { bot_id?: string; secret?: string };
        if (body.bot_id === this.botId && body.secret === this.secret) {
          this.socket = ws;
          this.authenticated += 1;
          ack();
        } else {
          ack(40014, 'invalid bot_id or secret');
        }
        break;
      }
      case 'ping':
      case 'aibot_respond_msg':
      case 'aibot_send_msg':
        ack();
        break;
      default:
        ack(40008, `unknown cmd ${String(frame.cmd)}`);
    }
    this.notify();
  }

  private notify(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }
}
