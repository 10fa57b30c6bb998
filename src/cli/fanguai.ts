#!/usr/bin/env node
// `fanguai <command> …`, the installed command (package.json bin). Each command imports only what
// it needs, so a one-shot `fanguai ask` never loads the chat platforms or the knowledge tools.
//   fanguai ask [--json] "问题"   as `npm run ask`, with the validated knowledge cached
//   fanguai kb … | eval … | quiz … | start | bench …   as the npm scripts of the same name
import { fileURLToPath } from 'node:url';
import { startCli, usageLine } from './command-line.js';
import { isMain } from './is-main.js';

const USAGE = `用法 / usage: fanguai <command> [arguments]
  ask [--json] "问题"    answer a question (as npm run ask)
  kb …                   knowledge tools (as npm run kb)
  eval [--json]          accuracy on the eval set (as npm run eval)
  quiz …                 quizzes (as npm run quiz)
  start                  run the chat platforms (as npm start)
  bench [--json]         start-up, memory and latency figures (as npm run bench)`;

/** Commands that are whole scripts: run as if node had been started with that script. */
const SCRIPTS: Record<string, string> = {
  kb: './kb.js',
  eval: './eval.js',
  quiz: './quiz.js',
  start: './start.js',
  bench: './bench.js',
};

async function ask(argv: string[]): Promise<number> {
  const { runAsk } = await import('./ask.js');
  const { loadCachedKnowledge } = await import('./cached-assistant.js');
  // Loaded before runAsk so it can stay synchronous; an error waits until an answer needs it,
  // so --help and usage still work with broken knowledge.
  const loaded = await Promise.all([loadCachedKnowledge(), import('../core/assistant.js')]).then(
    ([kb, core]) => ({ kb, core }),
    (error: unknown) => ({ error }),
  );
  // The question's rare words go into the one dictionary load.
  const question = argv.filter((a) => !a.startsWith('--')).join(' ').trim();
  if (question && !('error' in loaded)) (await import('../core/tokenizer.js')).prefetchWords([question]);
  return runAsk(argv, {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    assistant: () => {
      if ('error' in loaded) throw loaded.error;
      return loaded.core.createAssistant({ kb: loaded.kb });
    },
  });
}

export async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  if (command === 'ask') return ask(rest);
  const script = command ? SCRIPTS[command] : undefined;
  if (script) {
    // The script's own "am I the main module" check then runs it exactly as its npm script does.
    const path = fileURLToPath(new URL(script, import.meta.url));
    process.argv = [process.argv[0], path, ...rest];
    await import(script);
    return undefined;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  process.stderr.write(usageLine(`fanguai: unknown command ${command}`, 'fanguai ask|kb|eval|quiz|start|bench [arguments] (fanguai help)'));
  return 2;
}

if (isMain(import.meta.url)) {
  startCli();
  main(process.argv.slice(2))
    .then((code) => {
      if (code !== undefined) process.exitCode = code;
    })
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
