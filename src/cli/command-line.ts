// What every command-line entry point shares: ./.env read the same way, node:util's parseArgs with
// one-line usage errors (exit 2), and a reader that stops reading (`| head -1`) ending it quietly.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadDotEnvOrExit } from '../config/dot-env.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A wrong command line: printed as one line with the short usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** parseArgs, strict, positionals allowed; its errors become a UsageError of one short sentence. */
export function parseCommandLine<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const option = /'(-[^' ]+)/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option ?? ''}`.trim());
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(option && /argument missing/.test(e.message) ? `${option} needs a value` : e.message.split('\n')[0]!);
    }
    throw new UsageError(e.message.split('\n')[0]!);
  }
}

/** The one line a wrong command line gets, on standard error. */
export function usageLine(problem: string, usage: string): string {
  return `${problem}; usage: ${usage}\n`;
}

/** parseCommandLine, or undefined after writing `name: problem; usage: …` (the caller exits 2). */
export function parseOrSayUsage<O extends Options>(
  argv: string[],
  options: O,
  command: { name: string; usage: string },
  err: { write(s: string): unknown },
): ReturnType<typeof parseCommandLine<O>> | undefined {
  try {
    return parseCommandLine(argv, options);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(usageLine(`${command.name}: ${error.message}`, command.usage));
    return undefined;
  }
}

function endQuietlyOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // The reader has gone (`| head -1`): there is nobody left to tell, so end without a stack trace.
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(0);
    throw error;
  });
}

/** The first call of every entry point: ./.env (or one line and exit 2) and quiet broken pipes. */
export function startCli(): void {
  loadDotEnvOrExit();
  endQuietlyOnBrokenPipe(process.stdout);
}
