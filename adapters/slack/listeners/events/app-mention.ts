import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { fromAppMention } from '../../to-incoming.js';
import { toSlackMessages } from '../../to-slack-messages.js';
import type { ListenerContext } from '../context.js';

/** @bot 问题 in a channel: answered in the thread of the mention. Bolt acks events itself. */
export function appMentionCallback(ctx: ListenerContext) {
  return async ({ event, context, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>): Promise<void> => {
    try {
      // A mention inside the bot's DM also arrives as message.im, which answers it.
      if (event.channel.startsWith('D')) return;
      // Other bots' messages are never answered, so two bots cannot talk to each other forever.
      if (event.bot_id) return;
      const { message, target } = fromAppMention(event, context.botUserId);
      const outgoing = await ctx.handler(message);
      if (outgoing.length === 0) return;
      await ctx.post(client, target, toSlackMessages(outgoing, { flagButton: Boolean(ctx.flagWrong) }));
    } catch (error) {
      ctx.logger.error(`Slack app_mention in ${event.channel} failed`, error);
    }
  };
}
