// Command parsing shared by every platform: /help 帮助, /full 全文, and hooks for later
// commands (/quiz 出题…, /kb) that other modules register.

export interface CommandSpec {
  /** Slash name without the slash: 'full' matches /full. */
  name: string;
  /** Words that work without a slash (帮助, 全文, 出题). Matched only as the whole first word. */
  aliases?: string[];
  /** Only administrators (ADMIN_IDS, the console) may run it. */
  adminOnly?: boolean;
}

export interface ParsedCommand {
  name: string;
  /** What the user typed as the command word (/full, 全文…), for messages. */
  invokedAs: string;
  /** Text after the command word, trimmed. */
  args: string;
}

export const BUILTIN_COMMANDS: CommandSpec[] = [
  { name: 'help', aliases: ['帮助', 'help', '?', '？'] },
  { name: 'full', aliases: ['全文'] },
];

/**
 * Recognise a command at the start of text. A slash command is /name followed by a space or the end.
 * An alias without a slash must be the whole text or be followed by a space, so a question like
 * 帮助被拐妇女的工作谁负责 is not taken for 帮助.
 */
export function parseCommand(text: string, specs: readonly CommandSpec[]): ParsedCommand | undefined {
  const trimmed = text.trim();
  const match = /^(\S+)(?:\s+([\s\S]*))?$/u.exec(trimmed);
  if (!match) return undefined;
  const word = match[1];
  const args = (match[2] ?? '').trim();
  const lower = word.toLowerCase();
  for (const spec of specs) {
    if (lower === `/${spec.name.toLowerCase()}`) return { name: spec.name, invokedAs: word, args };
    if (spec.aliases?.some((alias) => alias.toLowerCase() === lower)) {
      return { name: spec.name, invokedAs: word, args };
    }
  }
  // Chinese aliases are often typed glued to their argument: 全文p2-1-3-1, 出题5.
  for (const spec of specs) {
    for (const alias of spec.aliases ?? []) {
      if (!/^\p{Script=Han}+$/u.test(alias) || !trimmed.startsWith(alias)) continue;
      const rest = trimmed.slice(alias.length);
      if (/^[A-Za-z0-9（(一二三四五六七八九十]/u.test(rest) && /^[\x21-\x7e（）()一二三四五六七八九十]+$/u.test(rest)) {
        return { name: spec.name, invokedAs: alias, args: rest.trim() };
      }
    }
  }
  return undefined;
}

/** A word that looks like an unknown slash command (/foo), so it gets a help hint, not a search. */
export function looksLikeSlashCommand(text: string): boolean {
  return /^\/[A-Za-z][\w-]*(\s|$)/u.test(text.trim());
}
