// Bolt's HTTPReceiver reads a whole request body into memory before it checks the signature, so an
// unsigned peer could make the process as large as the body it sends. This guard sits in front of
// Bolt's request listener for the events path: it refuses a request stamped more than five minutes
// away from now (either direction) before reading anything, reads the body itself up to a cap
// (413 and the connection closed past it) within a time limit (408), and hands Bolt the buffered
// body, which Bolt then verifies as usual. Bodies being read at once share a budget (503 past it),
// so many slow connections cannot add up to what one large body may not.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { silentLogger, type Logger } from '../../src/chat/logger.js';

export interface RequestLimits {
  /** Largest body accepted; Slack's payloads are a few kilobytes. */
  maxBodyBytes: number;
  /** How far a request's X-Slack-Request-Timestamp may be from now, either way. */
  maxClockSkewSeconds: number;
  /** The whole body must arrive within this many milliseconds. */
  bodyTimeoutMs: number;
  /** Bytes of all bodies being read at the same time. */
  maxInFlightBytes: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxBodyBytes: 1024 * 1024,
  maxClockSkewSeconds: 5 * 60,
  bodyTimeoutMs: 10_000,
  maxInFlightBytes: 32 * 1024 * 1024,
};

export interface RequestGuardOptions extends RequestLimits {
  /** Paths the guard covers (Bolt's events endpoints); other requests pass straight through. */
  paths: readonly string[];
  now?: () => number;
  logger?: Logger;
}

/** Wraps Bolt's request listener; assign the result to `receiver.requestListener`. */
export function guardRequests(listener: RequestListener, options: RequestGuardOptions): RequestListener {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const budget = { used: 0 };
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || !options.paths.includes(path)) {
      // Bolt answers these itself (404 and the like) without reading a body.
      listener(req, res);
      return;
    }
    const stamp = req.headers['x-slack-request-timestamp'];
    if (typeof stamp === 'string' && stamp.trim() !== '') {
      const skew = Math.abs(now() / 1000 - Number(stamp));
      if (!(skew <= options.maxClockSkewSeconds)) {
        logger.warn(`Slack request refused: timestamp ${stamp.slice(0, 20)} is more than ${options.maxClockSkewSeconds} s from now`);
        refuse(req, res, 401);
        return;
      }
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxBodyBytes) {
      logger.warn(`Slack request refused: Content-Length ${declared} is over ${options.maxBodyBytes} bytes`);
      refuse(req, res, 413);
      return;
    }
    readCapped(req, options, budget).then(
      (body) => {
        // Bolt takes a request that already carries rawBody as buffered and does not read it again.
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
        try {
          listener(req, res);
        } catch (error) {
          logger.error('Slack request failed', error);
          if (!res.headersSent) refuse(req, res, 500);
        }
      },
      (failure: BodyFailure | Error) => {
        if (failure instanceof BodyFailure) {
          logger.warn(`Slack request refused: ${failure.message}`);
          refuse(req, res, failure.status);
        } else {
          // The client went away mid-body: nothing to answer.
          req.destroy();
        }
      },
    );
  };
}

class BodyFailure extends Error {
  constructor(
    readonly status: 408 | 413 | 503,
    message: string,
  ) {
    super(message);
  }
}

function readCapped(req: IncomingMessage, limits: RequestLimits, budget: { used: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // What this request holds of the shared budget, given back however the read ends.
    let held = 0;
    const timer = setTimeout(() => stop(new BodyFailure(408, `body not complete after ${limits.bodyTimeoutMs} ms`)), limits.bodyTimeoutMs);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) {
        stop(new BodyFailure(413, `body over ${limits.maxBodyBytes} bytes`));
        return;
      }
      if (budget.used + chunk.length > limits.maxInFlightBytes) {
        stop(new BodyFailure(503, `${limits.maxInFlightBytes} bytes of request bodies already being read`));
        return;
      }
      budget.used += chunk.length;
      held += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => stop(error);
    const onAborted = () => stop(new Error('client closed the connection'));
    const cleanUp = () => {
      budget.used -= held;
      held = 0;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    const stop = (failure: Error) => {
      cleanUp();
      // Stop reading: what is already buffered is dropped with the chunks.
      req.pause();
      chunks.length = 0;
      reject(failure);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/**
 * Answer without a body and close the connection, so the rest of a large body is never buffered.
 * Closing a socket with unread data sends a reset that can destroy the answer on its way, so the
 * close lingers: the rest is read and dropped for at most LINGER_MS, then the socket is destroyed.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number): void {
  const socket = req.socket;
  // Node's server ends a `Connection: close` response with destroySoon(); make that a lingering close.
  socket.destroySoon = () => {
    socket.end();
    socket.resume();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
  res.writeHead(status, { connection: 'close', 'content-length': '0' });
  res.end();
  // Read and drop (never buffer) what the peer is still sending, until the socket goes.
  req.resume();
}

const LINGER_MS = 1000;
