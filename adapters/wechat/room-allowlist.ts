// WECHAT_ROOM_ALLOWLIST, by room id. Entries may be room ids or group names; names are resolved to
// the ids of the groups that carry them when the bot logs in, and logged. From then on only those
// ids are answered: renaming another group to an allowed name does not let it in, and a renamed
// allowed group stays allowed. Until the first login's resolution is done, no group is answered.
import type { Wechaty } from 'wechaty';
import { silentLogger, type Logger } from '../../src/chat/logger.js';

export interface RoomAllowlist {
  /** Whether a group message from this room may be handled. */
  allows(roomId: string): boolean;
  /** Turns the configured entries into room ids (call after login; only the first call counts). */
  resolve(bot: Wechaty): Promise<void>;
}

/** How many refused rooms are remembered so each is logged once. */
const LOGGED_REFUSALS_LIMIT = 1000;

export function createRoomAllowlist(entries: readonly string[], logger: Logger = silentLogger): RoomAllowlist & { refused(roomId: string, topic: string): void } {
  const open = entries.length === 0;
  let ids: Set<string> | undefined;
  const logged = new Set<string>();
  return {
    allows(roomId) {
      return open || (ids?.has(roomId) ?? false);
    },
    async resolve(bot) {
      // Once per process: a later login (after a logout) must not pick up groups renamed meanwhile.
      if (open || ids) return;
      const found = new Set<string>();
      for (const entry of entries) {
        const byId = await bot.Room.findAll({ id: entry });
        // An entry that is some room's id is that room; otherwise it is a group name.
        const rooms = byId.length > 0 ? byId : await bot.Room.findAll({ topic: entry });
        if (rooms.length === 0) {
          logger.warn(`WECHAT_ROOM_ALLOWLIST: no group 「${entry}」 at login; it is not answered (list its room id to allow it)`);
          continue;
        }
        if (byId.length === 0 && rooms.length > 1) {
          logger.warn(`WECHAT_ROOM_ALLOWLIST: ${rooms.length} groups are named 「${entry}」; all are allowed (list room ids to choose)`);
        }
        for (const room of rooms) {
          found.add(room.id);
          logger.info(`WECHAT_ROOM_ALLOWLIST: 「${entry}」 → room ${room.id}`);
        }
      }
      ids = found;
    },
    refused(roomId, topic) {
      if (logged.has(roomId) || logged.size >= LOGGED_REFUSALS_LIMIT) return;
      logged.add(roomId);
      logger.info(`WeChat: not answering in group 「${topic}」 (room ${roomId}): not in WECHAT_ROOM_ALLOWLIST${ids ? '' : ' (still resolving it)'}`);
    },
  };
}
