// Platforms redeliver a message they think was not received (WeCom's msgid, DingTalk's msgId):
// remembering the last few thousand ids answers each message once.

export interface SeenIds {
  /** True the first time an id is offered, false after. */
  firstTime(id: string): boolean;
}

export function createSeenIds(limit = 5000): SeenIds {
  const seen = new Set<string>();
  return {
    firstTime(id) {
      if (seen.has(id)) return false;
      seen.add(id);
      if (seen.size > limit) seen.delete(seen.values().next().value as string);
      return true;
    },
  };
}
