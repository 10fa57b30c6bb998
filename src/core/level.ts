// Which administrative level a question is about: 「县里婚姻登记谁负责」 asks the county's rules,
// 「省里……」 the province's. The level words are cut out before retrieval, so 县里 never counts
// as a topic the clause has to contain.

export const LEVELS = ['省', '市', '县'] as const;

export interface LevelMention {
  level: string;
  /** The question with the level words replaced by a space. */
  rest: string;
}

// 县里 / 县级 / 县一级 / 县这边, or 本县 / 全县 / 我们县. A bare 县 is not enough: it opens unit
// names (县民政局) and those say their level themselves.
const LEVEL_WORDS = /(?:(?:本|全|我们|咱们|我)([省市县]))|(?:([省市县])(?:里|级|一级|这边|这一级))/gu;

// 省反拐工作联席会议, 县实施细则: the level is part of a name the document itself uses, so it stays.
const LEVEL_OF_NAME = /([省市县])(?=反拐|打拐|联席会议|实施细则|细则)/u;

/** The level a normalised question names, or null. When it names two, the first wins. */
export function findLevel(norm: string): LevelMention | null {
  let level: string | undefined;
  const rest = norm.replace(LEVEL_WORDS, (_m, a: string | undefined, b: string | undefined) => {
    level ??= a ?? b;
    return ' ';
  });
  level ??= LEVEL_OF_NAME.exec(norm)?.[1];
  return level ? { level, rest } : null;
}

/** A document's level as one character (a file may say 县级). */
export function documentLevel(level: string): string {
  return LEVELS.find((l) => level.includes(l)) ?? level;
}
