import { cutPoint, SENTENCE_ENDS } from '../../src/chat/split-text.js';

// Slack's mrkdwn treats & < > as control characters (<@U1>, <http://…|label>, &amp;): clause text and
// unit names must be escaped going out, and Slack's escaping undone coming in.

/** Escape text for a mrkdwn field or a message `text`. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * What a person typed, from Slack's encoded message text: links and references shown as their
 * label (<http://x|label> → label, <#C1|general> → #general), then &amp; &lt; &gt; decoded.
 * Mention tokens (<@U…>) are left for the trigger rules to strip.
 */
export function decodeSlackText(text: string): string {
  return text
    .replace(/<([^@<>|][^<>|]*)\|([^<>]*)>/g, (_m, target: string, label: string) => (target.startsWith('#') ? `#${label}` : label))
    .replace(/<((?:https?|mailto):[^<>|]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Cut already-escaped mrkdwn into pieces of at most `limit` characters where plain text is cut
 * (cutPoint: a line or sentence end), and never inside an &amp;-style entity or a surrogate pair.
 */
export function chunkMrkdwn(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = cutPoint(rest, limit, `\n${SENTENCE_ENDS}`);
    const amp = rest.lastIndexOf('&', cut - 1);
    if (amp >= 0 && amp > cut - 5 && !rest.slice(amp, cut).includes(';')) cut = amp;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest !== '') chunks.push(rest);
  return chunks;
}

/** Shorten escaped mrkdwn to at most `limit` characters, ending with … when cut. */
export function truncateMrkdwn(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${chunkMrkdwn(text, limit - 1)[0] ?? ''}…`;
}
