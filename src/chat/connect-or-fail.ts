// Start-up of a long-connection platform (WeCom, DingTalk): wait for the platform to accept us, and
// give up within seconds — with one line naming the variable at fault — when it rejects the
// credentials or cannot be reached, instead of retrying quietly forever.

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** How long start-up waits for a platform before naming its endpoint variable. */
export const STARTUP_TIMEOUT_MS = 8000;

export interface ConnectOrFailOptions {
  /** Why start-up gave up when nothing came in time, naming the endpoint variable. */
  timeoutMessage: string;
  timeoutMs?: number | undefined;
  /** Undoes a failed attempt (closes the client, stops its retries) before the error is thrown. */
  abandon(): void;
}

/**
 * Runs `attempt`, which settles once: `ok()` when connected, `fail(message)` when not. Resolves on ok;
 * on fail, or when neither came in time, abandons the attempt and rejects with a StartupError.
 */
export async function connectOrFail(attempt: (ok: () => void, fail: (message: string) => void) => void, options: ConnectOrFailOptions): Promise<void> {
  try {
    await settleOnce(attempt, options.timeoutMessage, options.timeoutMs ?? STARTUP_TIMEOUT_MS);
  } catch (error) {
    options.abandon();
    throw error;
  }
}

function settleOnce(attempt: (ok: () => void, fail: (message: string) => void) => void, timeoutMessage: string, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => settle(new StartupError(timeoutMessage)), timeoutMs);
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    try {
      attempt(
        () => settle(),
        (message) => settle(new StartupError(message)),
      );
    } catch (error) {
      settle(new StartupError((error as Error).message));
    }
  });
}
