// 「我是民政厅的」: the unit a person works in, so their practice and their groups' daily questions
// lean towards the clauses that unit leads or cooperates on. Kept per platform and person id.
import type { Clause } from '../knowledge/types.js';
import type { Db } from '../store/open-database.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS quiz_person_unit (
  platform TEXT NOT NULL,
  person_id TEXT NOT NULL,
  unit TEXT NOT NULL,
  -- Where it was said: a group's daily question counts the units of the people in it.
  conversation_id TEXT NOT NULL,
  set_at INTEGER NOT NULL,
  PRIMARY KEY (platform, person_id)
);
`;

export interface PersonUnits {
  get(platform: string, personId: string): string | undefined;
  set(platform: string, personId: string, unit: string, conversationId: string, at: number): void;
  clear(platform: string, personId: string): boolean;
  /**
   * Units of the people of a conversation (or a group and the conversations inside it): those who
   * said their unit there or answered a question there, with how many people each.
   */
  ofPlace(platform: string, conversationId: string): Map<string, number>;
}

export function createPersonUnits(db: Db): PersonUnits {
  db.exec(SCHEMA);
  const select = db.prepare(`SELECT unit FROM quiz_person_unit WHERE platform = ? AND person_id = ?`);
  const upsert = db.prepare(
    `INSERT INTO quiz_person_unit (platform, person_id, unit, conversation_id, set_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (platform, person_id) DO UPDATE SET unit = excluded.unit, conversation_id = excluded.conversation_id, set_at = excluded.set_at`,
  );
  const remove = db.prepare(`DELETE FROM quiz_person_unit WHERE platform = ? AND person_id = ?`);
  const inPlace = (column: string) => `(${column} = @conversation OR substr(${column}, 1, length(@conversation) + 1) = @conversation || ':')`;
  // quiz_attempt is the quiz store's table: create the store first.
  const byPlace = db.prepare(
    `SELECT unit, COUNT(*) AS people FROM quiz_person_unit u
     WHERE u.platform = @platform AND (${inPlace('u.conversation_id')} OR EXISTS (
       SELECT 1 FROM quiz_attempt a WHERE a.platform = u.platform AND a.person_id = u.person_id AND ${inPlace('a.conversation_id')}))
     GROUP BY unit`,
  );
  return {
    get: (platform, personId) => (select.get(platform, personId) as { unit: string } | undefined)?.unit,
    set: (platform, personId, unit, conversationId, at) => void upsert.run(platform, personId, unit, conversationId, at),
    clear: (platform, personId) => remove.run(platform, personId).changes > 0,
    ofPlace(platform, conversationId) {
      const rows = byPlace.all({ platform, conversation: conversationId }) as Array<{ unit: string; people: number }>;
      return new Map(rows.map((r) => [r.unit, r.people]));
    },
  };
}

/** A clause of one of the wanted units is this many times as likely to be drawn (per person of the unit, up to 3). */
export const UNIT_WEIGHT = 4;

/** The draw weight a clause gets from the units of the people being asked. */
export function unitWeight(clause: Clause, units: ReadonlyMap<string, number>): number {
  let people = 0;
  for (const [unit, count] of units) if (clause.lead.includes(unit) || clause.cooperate.includes(unit)) people += count;
  return people === 0 ? 1 : UNIT_WEIGHT * Math.min(3, people);
}
