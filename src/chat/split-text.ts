// Split a long reply into messages under a platform's length limit, at line boundaries where possible.

/** WeChat cuts or refuses text around 2048 characters; keep a margin for the part marker. */
export const WECHAT_TEXT_LIMIT = 2000;

/**
 * Split text into chunks of at most `limit` characters (UTF-16 code units, which is what the
 * platforms count). Lines are kept whole when they fit; a line longer than the limit is cut after a
 * sentence end (。；！？) when there is one, else hard, never inside a surrogate pair.
 * When more than one chunk results, each is marked (1/3) so readers know more is coming.
 */
export function splitText(text: string, limit: number): string[] {
  if (limit < 20) throw new RangeError(`split limit too small: ${limit}`);
  const body = text.replace(/\s+$/u, '');
  if (body.length <= limit) return body === '' ? [] : [body];
  // Reserve room for the "(12/12)\n" marker added below.
  const room = limit - 10;
  const chunks: string[] = [];
  let current = '';
  const flush = (): void => {
    const trimmed = current.replace(/\s+$/u, '');
    if (trimmed !== '') chunks.push(trimmed);
    current = '';
  };
  for (const line of body.split('\n')) {
    for (const piece of cutLine(line, room)) {
      const candidate = current === '' ? piece : `${current}\n${piece}`;
      if (candidate.length <= room) {
        current = candidate;
      } else {
        flush();
        current = piece;
      }
    }
  }
  flush();
  if (chunks.length <= 1) return chunks;
  return chunks.map((chunk, i) => `(${i + 1}/${chunks.length})\n${chunk}`);
}

function cutLine(line: string, room: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > room) {
    const cut = cutPoint(rest, room);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** Sentence ends a long line is preferably cut after (Chinese and ASCII). */
export const SENTENCE_ENDS = '。；！？.;!?';

/**
 * Where to cut `text` so the first piece has at most `limit` characters: after the last of `ends` in
 * the second half of the window when there is one, else at the limit — never inside a surrogate pair
 * (emoji, rare Han characters). Every platform's chunking (plain text, Slack mrkdwn, markdown) cuts here.
 */
export function cutPoint(text: string, limit: number, ends: string = SENTENCE_ENDS): number {
  if (text.length <= limit) return text.length;
  for (let cut = limit; cut >= limit / 2; cut--) {
    if (ends.includes(text[cut - 1]!)) return cut;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
