import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { fromSlashCommand } from '../../to-incoming.js';
import { toSlackMessages } from '../../to-slack-messages.js';
import type { ListenerContext } from '../context.js';

/**
 * /fanguai 问题: acknowledged at once (Slack allows 3 s), then answered through the response_url
 * as an ephemeral message only the asker sees, so a channel is not flooded by look-ups.
 */
export function fanguaiCallback(ctx: ListenerContext) {
  return async ({ command, ack, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    try {
      await ack();
    } catch (error) {
      ctx.logger.error(`Slack ${command.command} ack failed`, error);
      return;
    }
    try {
      const outgoing = await ctx.handler(fromSlashCommand(command));
      for (const message of toSlackMessages(outgoing, { flagButton: Boolean(ctx.flagWrong) })) {
        await respond({ response_type: 'ephemeral', ...message });
      }
    } catch (error) {
      ctx.logger.error(`Slack ${command.command} in ${command.channel_id} failed`, error);
    }
  };
}
