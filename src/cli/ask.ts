// `npm run -s ask -- "问题"`            the reply as a person reads it
// `npm run -s ask -- --json "问题"`     one JSON object {question, intent, answers}
// `npm run -s ask -- --json`            questions from stdin, one a line → one JSON object a line
// (-s: without it npm prints its own banner on standard output first)
import { MAX_QUESTION_CHARS } from '../chat/sanitize.js';
import type { Assistant } from '../core/assistant.js';
import { renderReplyText } from '../core/render-text.js';
import type { Reply } from '../core/types.js';
import { parseOrSayUsage, startCli } from './command-line.js';
import { isMain } from './is-main.js';

const USAGE = `用法 / usage:
  npm run -s ask -- "谁负责婚姻登记相关反拐措施"
  npm run -s ask -- --json "问题"        one JSON object
  npm run -s ask -- --json < questions   one JSON object per input line (blank lines skipped)`;

/** The stable machine-readable form of a reply (the `--json` contract). */
export function replyJson(reply: Reply) {
  return {
    question: reply.question,
    intent: reply.intent,
    answers: reply.answers.map((a) => ({
      id: a.id,
      path: a.path,
      title: a.title,
      text: a.text,
      lead: a.lead,
      cooperate: a.cooperate,
      score: a.score,
      /** The document version quoted (文号 or label), null when the document records none. */
      version: a.documentVersion ?? null,
      confidence: a.confidence,
    })),
  };
}

export interface AskIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Built lazily so --help never loads the dictionary. */
  assistant?: () => Assistant;
}

const OPTIONS = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

/** Runs the ask command; resolves to the exit code. */
export async function runAsk(argv: string[], io: AskIo): Promise<number> {
  const parsed = parseOrSayUsage(argv, OPTIONS, { name: 'ask', usage: 'npm run -s ask -- [--json] "问题"' }, io.stderr);
  if (!parsed) return 2;
  const json = parsed.values.json === true;
  if (parsed.values.help) {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
  const question = parsed.positionals.join(' ').trim();
  if (!question && (io.stdin as { isTTY?: boolean }).isTTY) {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
  // Imported here: the knowledge loader (YAML, schemas) is the heaviest import of a one-shot call.
  const assistant = io.assistant ? io.assistant() : (await import('../core/open-assistant.js')).openAssistant();
  const print = (reply: Reply) =>
    io.stdout.write(json ? JSON.stringify(replyJson(reply)) + '\n' : renderReplyText(reply) + '\n');

  // The chat's limit, said as the chat says it; the answer is to the question's first part.
  const cut = (text: string, length: number, where: string): string => {
    if (length <= MAX_QUESTION_CHARS) return text.trim();
    io.stderr.write(`${where}问题太长了（${length} 字），只按前 ${MAX_QUESTION_CHARS} 字回答；请只问要问的那一句（${MAX_QUESTION_CHARS}字以内）。\n`);
    return text.slice(0, MAX_QUESTION_CHARS).trim();
  };
  if (question) {
    print(assistant.ask(cut(question, question.length, '')));
    return 0;
  }
  // Batch: one question a line, answered in order as lines arrive.
  let first = true;
  let n = 0;
  for await (const { text, length } of boundedLines(io.stdin, MAX_QUESTION_CHARS)) {
    n++;
    if (!text.trim()) continue;
    if (!json && !first) io.stdout.write('\n');
    print(assistant.ask(cut(text, length, `第 ${n} 行：`)));
    first = false;
  }
  return 0;
}

/**
 * The input's lines (without \r\n), each kept to its first `keep` characters and with its full
 * length: a line of 200 MB is never held whole (readline would hold it all).
 */
export async function* boundedLines(input: NodeJS.ReadableStream, keep: number): AsyncGenerator<{ text: string; length: number }> {
  let text = '';
  let length = 0;
  const decoder = new TextDecoder('utf-8');
  const take = (piece: string) => {
    if (text.length < keep + 1) text += piece.slice(0, keep + 1 - text.length);
    length += piece.length;
  };
  const end = () => {
    const line = { text: text.endsWith('\r') ? text.slice(0, -1) : text, length: text.endsWith('\r') ? length - 1 : length };
    text = '';
    length = 0;
    return line;
  };
  for await (const chunk of input) {
    const s = typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    let from = 0;
    for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', from)) {
      take(s.slice(from, nl));
      yield end();
      from = nl + 1;
    }
    take(s.slice(from));
  }
  take(decoder.decode());
  if (length > 0) yield end();
}

if (isMain(import.meta.url)) {
  startCli();
  runAsk(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
