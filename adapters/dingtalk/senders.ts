// Where DingTalk replies go. An answer goes to the message's sessionWebhook, a URL valid for a while
// (sessionWebhookExpiredTime). A post with no message to answer — a quiz reveal, a daily question —
// uses the conversation's webhook while it is still valid, and otherwise the robot OpenAPI
// (groupMessages/send into a group, oToMessages/batchSend to a person) with an app access token;
// the OpenAPI lives on the gateway's host, so a private 政务钉钉 deployment needs only its gateway URL.

/** One DingTalk message: markdown with a notification title. */
export interface DingtalkMarkdown {
  title: string;
  text: string;
}

const TIMEOUT_MS = 10_000;
/** Treat a webhook as expired this long before DingTalk does, so a slow send does not miss. */
const EXPIRY_MARGIN_MS = 60_000;

export interface SessionWebhook {
  url: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** Still valid, with a margin for a post made later (a push) — none for the answer to its own message. */
export function isUsable(webhook: SessionWebhook | undefined, { later }: { later: boolean }, now = Date.now()): webhook is SessionWebhook {
  return webhook !== undefined && webhook.expiresAt - (later ? EXPIRY_MARGIN_MS : 0) > now;
}

/** POST a markdown message to a sessionWebhook; throws unless DingTalk answers errcode 0. */
export async function postToWebhook(url: string, message: DingtalkMarkdown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ msgtype: 'markdown', markdown: message }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = (await response.json().catch(() => undefined)) as { errcode?: number; errmsg?: string } | undefined;
  if (!response.ok || (body?.errcode !== undefined && body.errcode !== 0)) {
    throw new Error(`DingTalk sessionWebhook: HTTP ${response.status} ${body?.errmsg ?? ''}`.trim());
  }
}

export interface OpenApiOptions {
  /** Origin of the OpenAPI: the gateway URL's (https://api.dingtalk.com). */
  origin: string;
  clientId: string;
  clientSecret: string;
}

/** The robot OpenAPI: posts without a message to answer. Caches the app access token until it expires. */
export function createOpenApi(options: OpenApiOptions) {
  let token: { value: string; until: number } | undefined;

  const call = async (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Record<string, unknown>> => {
    const response = await fetch(new URL(path, options.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) throw new Error(`DingTalk ${path}: HTTP ${response.status} ${String(json.code ?? '')} ${String(json.message ?? '')}`.trim());
    return json;
  };

  const accessToken = async (): Promise<string> => {
    if (token && token.until > Date.now()) return token.value;
    const json = await call('/v1.0/oauth2/accessToken', { appKey: options.clientId, appSecret: options.clientSecret });
    if (typeof json.accessToken !== 'string') throw new Error('DingTalk /v1.0/oauth2/accessToken: no accessToken');
    const seconds = typeof json.expireIn === 'number' ? json.expireIn : 7200;
    token = { value: json.accessToken, until: Date.now() + Math.max(60, seconds - 300) * 1000 };
    return token.value;
  };

  return {
    async send(target: { group: string } | { user: string }, message: DingtalkMarkdown, robotCode: string): Promise<void> {
      const auth = { 'x-acs-dingtalk-access-token': await accessToken() };
      const common = { robotCode, msgKey: 'sampleMarkdown', msgParam: JSON.stringify(message) };
      if ('group' in target) await call('/v1.0/robot/groupMessages/send', { ...common, openConversationId: target.group }, auth);
      else await call('/v1.0/robot/oToMessages/batchSend', { ...common, userIds: [target.user] }, auth);
    },
  };
}
