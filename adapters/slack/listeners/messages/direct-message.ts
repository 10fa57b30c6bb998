import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { fromDirectMessage } from '../../to-incoming.js';
import { toSlackMessages } from '../../to-slack-messages.js';
import type { ListenerContext } from '../context.js';

// Message subtypes that are a person writing something new; edits, joins and bot posts are not.
const ANSWERED_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** A message in the bot's DM (message.im): always answered, no mention needed. */
export function directMessageCallback(ctx: ListenerContext) {
  return async ({ event, context, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>): Promise<void> => {
    try {
      if (event.channel_type !== 'im') return;
      if (!ANSWERED_SUBTYPES.has(event.subtype)) return;
      const e = event as { channel: string; ts: string; thread_ts?: string; user?: string; text?: string; bot_id?: string };
      const { message, target } = fromDirectMessage(e, context.botUserId);
      const outgoing = await ctx.handler(message);
      if (outgoing.length === 0) return;
      await ctx.post(client, target, toSlackMessages(outgoing, { flagButton: Boolean(ctx.flagWrong) }));
    } catch (error) {
      ctx.logger.error(`Slack direct message in ${event.channel} failed`, error);
    }
  };
}
