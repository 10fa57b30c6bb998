// Socket Mode, the recommended set-up, working: a fake Slack on 127.0.0.1 answers
// apps.connections.open with the URL of a local WebSocket server that speaks Socket Mode as
// @slack/socket-mode expects it — a hello frame, then envelopes the client must ack by envelope_id.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSlackApp, type SlackApp } from '../../../adapters/slack/index.js';
import { blockText, eventBody, FakeSlack, mentionEvent, waitFor } from './harness.js';
import { harnessPerTest } from './harness-per-test.js';

const harnesses = harnessPerTest();

/** The Socket Mode side of Slack: every frame each way, in order. */
class FakeSocketModeServer {
  readonly received: Array<Record<string, unknown>> = [];
  readonly sockets: WebSocket[] = [];
  private server!: WebSocketServer;

  async start(): Promise<void> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.server.once('listening', () => resolve()));
    this.server.on('connection', (socket) => {
      this.sockets.push(socket);
      socket.on('message', (data) => this.received.push(JSON.parse(String(data)) as Record<string, unknown>));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' }, debug_info: { host: 'fake' } }));
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link/?ticket=test`;
  }

  get open(): number {
    return this.sockets.filter((s) => s.readyState === s.OPEN).length;
  }

  /** An Events API envelope, as Slack pushes it over the socket. */
  pushEvent(envelopeId: string, body: string): void {
    const frame = { envelope_id: envelopeId, type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: JSON.parse(body) };
    this.sockets.at(-1)!.send(JSON.stringify(frame));
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function startSocketModeBot(): Promise<{ slack: FakeSlack; socket: FakeSocketModeServer; bot: SlackApp; logs: string[] }> {
  const slack = new FakeSlack();
  await slack.start();
  cleanups.push(() => slack.stop());
  const socket = new FakeSocketModeServer();
  await socket.start();
  cleanups.push(() => socket.stop());
  slack.queue('apps.connections.open', { status: 200, body: { ok: true, url: socket.url } });
  const logs: string[] = [];
  const log = (level: string) => (m: string) => logs.push(`${level} ${m}`);
  const bot = createSlackApp({
    token: 'xoxb-test',
    appToken: 'xapp-test',
    apiUrl: `${slack.url}/api/`,
    handler: harnesses.handler,
    minSendIntervalMs: 0,
    logger: { debug: () => {}, info: log('info'), warn: log('warn'), error: log('error') },
  });
  await bot.start();
  cleanups.push(() => bot.stop());
  return { slack, socket, bot, logs };
}

describe('Slack in Socket Mode', () => {
  it('connects through apps.connections.open with the app token, opening no port', async () => {
    const { slack, socket, bot, logs } = await startSocketModeBot();
    expect(bot.mode).toBe('socket');
    expect(bot.port).toBeUndefined();
    const open = slack.calls.find((c) => c.method === 'apps.connections.open');
    expect(open?.authorization ?? open?.params.token).toMatch(/^(Bearer )?xapp-test$/);
    expect(socket.open).toBe(1);
    expect(logs).toContain('info Slack: connected in Socket Mode');
  });

  it('acks an event by its envelope id and answers the mention in its thread', async () => {
    const { slack, socket } = await startSocketModeBot();
    socket.pushEvent('env-1', eventBody(mentionEvent('谁负责婚姻登记相关反拐措施', { ts: '1712340005.000100' })));
    await waitFor(() => socket.received.some((f) => f.envelope_id === 'env-1'), 'the ack of env-1');
    await waitFor(() => slack.posts().length === 1, 'the answer');
    const { params } = slack.posts()[0]!;
    expect(params.channel).toBe('C0TRAINING');
    expect(params.thread_ts).toBe('1712340005.000100');
    expect(blockText(params.blocks)).toContain('省民政厅');
    expect(blockText(params.blocks)).toContain('省公安厅');
    // Slack redelivers an envelope it thinks was lost: acked again, answered once. A later
    // question is the marker — an answer to the repeat would have come before its answer.
    const repeat = eventBody(mentionEvent('民政厅负责哪些工作', { ts: '1712340006.000100' }), 'EvRepeated');
    socket.pushEvent('env-2', repeat);
    socket.pushEvent('env-3', repeat);
    socket.pushEvent('env-4', eventBody(mentionEvent('净网行动谁负责', { ts: '1712340007.000100' })));
    await waitFor(() => slack.posts().some((p) => p.params.thread_ts === '1712340007.000100'), 'the answer to the marker');
    expect(socket.received.map((f) => f.envelope_id)).toEqual(['env-1', 'env-2', 'env-3', 'env-4']);
    expect(slack.posts().map((p) => p.params.thread_ts)).toEqual(['1712340005.000100', '1712340006.000100', '1712340007.000100']);
  });

  it('closes the socket on stop', async () => {
    const { socket, bot } = await startSocketModeBot();
    expect(socket.open).toBe(1);
    await bot.stop();
    await waitFor(() => socket.open === 0, 'the socket closed');
  });
});
