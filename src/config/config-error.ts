// A start-up setting that is missing or malformed. start.ts prints `message` as one line and exits 2.

export class ConfigError extends Error {
  constructor(
    /** The environment variable at fault, e.g. PORT. */
    readonly variable: string,
    detail: string,
  ) {
    super(`Configuration error: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}
