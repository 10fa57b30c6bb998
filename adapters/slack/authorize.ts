// Single-workspace authorisation with the bot token. Bolt's own (token option) starts auth.test in
// the App constructor and leaves the promise unobserved: a bad token or an unreachable Slack then
// rejects with no handler and Node exits, taking WeChat down too. Here auth.test runs when asked,
// a failure is retried on the next event, and start() awaits it to report a bad token clearly.
import type { AuthorizeResult, webApi } from '@slack/bolt';

export interface BotAuthorize {
  (): Promise<AuthorizeResult>;
  /** The same check through another client (start-up's, which gives up sooner); a success is kept. */
  through(client: webApi.WebClient): Promise<AuthorizeResult>;
}

export function createBotAuthorize(client: () => webApi.WebClient, token: string): BotAuthorize {
  let pending: Promise<AuthorizeResult> | undefined;
  const check = (through: webApi.WebClient) => {
    const attempt = through.auth.test({ token }).then((r) => ({
      botToken: token,
      ...(r.bot_id ? { botId: r.bot_id } : {}),
      ...(r.user_id ? { botUserId: r.user_id } : {}),
      ...(r.team_id ? { teamId: r.team_id } : {}),
    }));
    // Forget a failure so the next event tries again; the caller still sees this one's error.
    attempt.catch(() => {
      if (pending === attempt) pending = undefined;
    });
    pending = attempt;
    return attempt;
  };
  const authorize = () => pending ?? check(client());
  return Object.assign(authorize, { through: check });
}
