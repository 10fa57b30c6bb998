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

/**
 * Runs `attempt`, which settles once: `ok()` when connected, `fail(message)` when not. Resolves on ok;
 * rejects with StartupError(message) on fail, or with `timeoutMessage` when neither came in time.
 */
export function connectOrFail(
  attempt: (ok: () => void, fail: (message: string) => void) => void,
  timeoutMessage: string,
  timeoutMs = STARTUP_TIMEOUT_MS,
): Promise<void> {
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
