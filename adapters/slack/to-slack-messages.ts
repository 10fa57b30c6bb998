// The chat layer's Outgoing[] as Slack messages: Block Kit for answers and full clauses, plain
// (escaped) text for everything else — help, hints, refusals, errors.
import { splitText } from '../../src/chat/split-text.js';
import type { Outgoing } from '../../src/chat/types.js';
import { capBlocks, clauseBlocks, fallbackText, replyBlocks, SLACK_LIMITS, type Block } from './blocks.js';
import { escapeMrkdwn } from './mrkdwn.js';

export interface SlackMessage {
  /** Always set: notifications, screen readers and clients without Block Kit show it. */
  text: string;
  blocks?: Block[];
}

export function toSlackMessages(outgoing: readonly Outgoing[]): SlackMessage[] {
  return outgoing.flatMap((out): SlackMessage[] => {
    const blocks = out.clause
      ? capBlocks(clauseBlocks(out.clause, { whole: true }))
      : out.reply
        ? replyBlocks(out.reply)
        : undefined;
    if (blocks) return [{ text: fallbackText(out.text), blocks }];
    return splitText(out.text, SLACK_LIMITS.fallbackText).map((chunk) => ({ text: escapeMrkdwn(chunk) }));
  });
}
