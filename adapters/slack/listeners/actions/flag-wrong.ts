import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseFlagValue } from '../../flag-button.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import type { ListenerContext } from '../context.js';

/**
 * 「回答有误」 clicked: acknowledged at once (Slack allows 3 s), the flag recorded, and a thank-you
 * only the clicker sees. The answer itself is left as it was.
 */
export function flagWrongCallback(ctx: ListenerContext) {
  return async ({ ack, body, action, respond }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    try {
      await ack();
    } catch (error) {
      ctx.logger.error('Slack flag_wrong ack failed', error);
      return;
    }
    try {
      const flag = parseFlagValue(action.value);
      if (!flag || !ctx.flagWrong) return;
      const channel = body.channel?.id ?? body.container?.channel_id ?? '';
      const message = body.message as { ts?: string; thread_ts?: string } | undefined;
      // The same conversation ids the listeners give: a DM is its channel, a channel answer its thread.
      const conversation = channel.startsWith('D')
        ? channel
        : message
          ? `${channel}:${message.thread_ts ?? message.ts}`
          : `${channel}:${body.user.id}`;
      const text = await ctx.flagWrong({ conversation, userId: body.user.id, ...flag });
      if (text) await respond({ response_type: 'ephemeral', replace_original: false, text: escapeMrkdwn(text) });
    } catch (error) {
      ctx.logger.error('Slack flag_wrong failed', error);
    }
  };
}
