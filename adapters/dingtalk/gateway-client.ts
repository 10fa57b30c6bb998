// dingtalk-stream's DWClient with the two things it hard-codes replaced, by subclassing rather than
// patching the package: the gateway it asks for a stream endpoint (GATEWAY_URL is a constant there,
// so a private 政务钉钉 deployment or a test could not be reached), and reconnecting at a fixed 1 s
// (here: doubling back-off up to a minute, reset once connected).
import { DWClient } from 'dingtalk-stream';

/** The gateway answered, and refused (HTTP 4xx): the credentials are wrong or the app is not allowed. */
export class GatewayRejected extends Error {}
/** No usable answer from the gateway: network, timeout, 5xx, or a body without endpoint and ticket. */
export class GatewayUnavailable extends Error {}

export interface GatewayClientOptions {
  clientId: string;
  clientSecret: string;
  gatewayUrl: string;
  /** First reconnect delay, doubled per failed attempt up to maxReconnectMs. */
  reconnectBaseMs?: number;
  maxReconnectMs?: number;
  /** Told about each scheduled reconnect (for the log). */
  onReconnect?: (attempt: number, delayMs: number, reason: string) => void;
  /** Told when an open stream closes while not stopping (the SDK then reconnects). */
  onDisconnect?: () => void;
}

const GATEWAY_TIMEOUT_MS = 10_000;
/** A gateway answer is a small JSON object; anything bigger is not one. */
const GATEWAY_BODY_LIMIT = 64 * 1024;

export class GatewayClient extends DWClient {
  private attempts = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private connecting = false;
  private stopped = false;

  constructor(private readonly options: GatewayClientOptions) {
    // keepAlive: the client pings and drops a connection that stops answering, so it reconnects.
    super({ clientId: options.clientId, clientSecret: options.clientSecret, keepAlive: true });
  }

  /** POST the gateway (the SDK's request, to our URL) and keep the stream endpoint it returns. */
  override async getEndpoint(): Promise<this> {
    let response: Response;
    try {
      response = await fetch(this.options.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          clientId: this.config.clientId,
          clientSecret: this.config.clientSecret,
          ua: this.config.ua ?? '',
          subscriptions: this.config.subscriptions,
        }),
        signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new GatewayUnavailable(cause);
    }
    const text = await boundedText(response, GATEWAY_BODY_LIMIT);
    if (response.status >= 400 && response.status < 500) {
      const body = parseJson(text) as { code?: unknown; message?: unknown } | undefined;
      throw new GatewayRejected([body?.code, body?.message].filter((x) => typeof x === 'string').join(': ') || `HTTP ${response.status}`);
    }
    const body = parseJson(text) as { endpoint?: unknown; ticket?: unknown } | undefined;
    if (!response.ok || typeof body?.endpoint !== 'string' || typeof body.ticket !== 'string') {
      throw new GatewayUnavailable(response.ok ? 'the answer had no endpoint and ticket' : `HTTP ${response.status}`);
    }
    // dw_url is private in the SDK's types, but it is what _connect() opens.
    (this as unknown as { dw_url: string }).dw_url = `${body.endpoint}?ticket=${encodeURIComponent(body.ticket)}`;
    return this;
  }

  /** One attempt, errors thrown: start-up decides what a failure means. */
  async connectOnce(): Promise<void> {
    this.stopped = false;
    await this.getEndpoint();
    await this._connect();
    this.attempts = 0;
    // socket is private in the SDK's types; its close is what starts a reconnect.
    (this as unknown as { socket?: { once(event: 'close', listener: () => void): void } }).socket?.once('close', () => {
      if (!this.stopped) this.options.onDisconnect?.();
    });
  }

  /**
   * What the SDK calls after a dropped connection (its close handler) — reconnect, backing off while
   * it keeps failing.
   */
  override async connect(): Promise<void> {
    // The SDK schedules a call here on every close, also of a failed attempt: one loop only.
    if (this.stopped || this.connecting || this.reconnectTimer) return;
    this.connecting = true;
    try {
      await this.connectOnce();
    } catch (error) {
      if (this.stopped) return;
      this.attempts += 1;
      const base = this.options.reconnectBaseMs ?? 1000;
      const delay = Math.min(base * 2 ** (this.attempts - 1), this.options.maxReconnectMs ?? 60_000);
      this.options.onReconnect?.(this.attempts, delay, (error as Error).message);
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = undefined;
        void this.connect();
      }, delay);
    } finally {
      this.connecting = false;
    }
  }

  override disconnect(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    super.disconnect();
  }
}

async function boundedText(response: Response, limit: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new GatewayUnavailable(`the answer was larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
