// A hostile client: streams a large unsigned body (chunked, no Content-Length) as fast as the server
// reads it, and reports how the server answered and how much it took before closing the connection.
import { request } from 'node:http';

export interface StreamResult {
  /** The HTTP status the server answered with, if it answered at all. */
  status: number | undefined;
  /** Whether the server closed the connection (said so, or closed it) before the whole body was sent. */
  closed: boolean;
  /** Bytes handed to the socket before the server stopped reading. */
  bytesWritten: number;
}

export function streamPost(url: string, options: { totalBytes: number; chunkBytes?: number }): Promise<StreamResult> {
  const chunk = Buffer.alloc(options.chunkBytes ?? 64 * 1024, 'a');
  return new Promise((resolve) => {
    let status: number | undefined;
    let written = 0;
    let finished = false;
    let settled = false;
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
    const settle = (closed: boolean) => {
      if (settled) return;
      settled = true;
      resolve({ status, closed, bytesWritten: written });
    };
    req.on('response', (res) => {
      status = res.statusCode;
      res.resume();
      // An answer before the body is complete: stop sending, as a client would.
      if (!finished) {
        settle(res.headers.connection === 'close');
        req.destroy();
        return;
      }
      res.on('end', () => settle(false));
      res.on('error', () => settle(true));
    });
    req.on('error', () => settle(true));
    req.on('close', () => settle(!finished));
    const pump = () => {
      while (!settled && written < options.totalBytes) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!settled && written >= options.totalBytes && !finished) {
        finished = true;
        req.end();
      }
    };
    pump();
  });
}

/**
 * A POST that sends `first` and then nothing more (a slow or lying peer). `status` resolves with the
 * server's answer (undefined if the connection failed); `req` is left open for the test to destroy.
 */
export function startPost(url: string, first: string | Buffer, headers: Record<string, string> = { 'transfer-encoding': 'chunked' }) {
  const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } });
  const status = new Promise<number | undefined>((resolve) => {
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(undefined));
  });
  req.write(first);
  return { req, status };
}
