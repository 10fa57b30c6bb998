// Where a push (a message without an event to answer, e.g. a quiz timeout) goes in Slack, read back
// from the conversation ids to-incoming.ts makes: channel:thread_ts for a mention's thread,
// channel:user for the slash command's ephemeral conversation, a bare channel id for a DM.

export interface SlackPushTarget {
  channel: string;
  threadTs?: string;
  /** Set for the slash command's conversation: post ephemeral, only this user sees it. */
  user?: string;
}

export function slackPushTarget(conversationId: string): SlackPushTarget {
  const [channel = '', rest] = conversationId.split(':', 2);
  if (rest === undefined || rest === '') return { channel };
  if (/^\d+\.\d+$/u.test(rest)) return { channel, threadTs: rest };
  return { channel, user: rest };
}

/**
 * What Slack declares for posts nobody asked for: channels deliver only @-mentions (the manifest
 * subscribes to app_mention and message.im), and every thread and /fanguai conversation of a channel
 * belongs to that channel.
 */
export const SLACK_TRAITS = {
  groupsNeedMention: true,
  groupOf: (conversationId: string) => slackPushTarget(conversationId).channel,
};
