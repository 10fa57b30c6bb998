// The chat layer's Outgoing[] as Slack messages: Block Kit for answers and full clauses, plain
// (escaped) text for everything else — help, hints, refusals, errors.
import { splitText } from '../../src/chat/split-text.js';
import type { Outgoing } from '../../src/chat/types.js';
import { capBlocks, clauseBlocks, fallbackText, replyBlocks, SLACK_LIMITS, type Block } from './blocks.js';
import { flagButtonBlock } from './flag-button.js';
import { escapeMrkdwn } from './mrkdwn.js';

export interface SlackMessage {
  /** Always set: notifications, screen readers and clients without Block Kit show it. */
  text: string;
  blocks?: Block[];
}

export interface SlackMessageOptions {
  /** Put a 「回答有误」 button under answers (only when flags are recorded). */
  flagButton?: boolean;
}

export function toSlackMessages(outgoing: readonly Outgoing[], options: SlackMessageOptions = {}): SlackMessage[] {
  return outgoing.flatMap((out): SlackMessage[] => {
    let blocks = out.clause
      ? capBlocks(clauseBlocks(out.clause, { whole: true }))
      : out.reply
        ? replyBlocks(out.reply)
        : undefined;
    if (blocks && options.flagButton && out.kind === 'answer' && out.reply) {
      // The button takes the last place under the block limit, after any 「内容过长」 notice.
      const room = SLACK_LIMITS.blocksPerMessage - 1;
      blocks = [...(blocks.length > room ? [...blocks.slice(0, room - 1), blocks.at(-1)!] : blocks), flagButtonBlock(out.reply)];
    }
    if (blocks) return [{ text: fallbackText(out.text), blocks }];
    return splitText(out.text, SLACK_LIMITS.fallbackText).map((chunk) => ({ text: escapeMrkdwn(chunk) }));
  });
}
