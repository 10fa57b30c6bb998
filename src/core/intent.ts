// Cues that tell the kind of question apart. Topic words never decide the intent on their own.

/** Asks about the joint meeting itself: who is in it, who convenes it, where its office is. */
const ORGANISATION_SUBJECT = /联席会议|成员单位|召集人|反拐办|组织机构|办公室/;
const ORGANISATION_ASK =
  /召集人|召集|办公室(设|在)|设在|组成|有哪些|哪些单位|哪几个|包括|名单|成员|有谁|组织机构|日常工作|谁牵头召集/;

/**
 * `text` has the named units cut out. With a unit named (民政厅的办公室在几楼) a bare 办公室 is
 * that unit's office, so the joint meeting must be named explicitly.
 */
export function asksOrganisation(text: string, namesUnit: boolean): boolean {
  const subject = namesUnit ? JOINT_MEETING : ORGANISATION_SUBJECT;
  return subject.test(text) && ORGANISATION_ASK.test(text);
}
const JOINT_MEETING = /联席会议|成员单位|召集人|反拐办/;

/** For a unit question: does it ask only what the unit cooperates on (团省委要配合什么)? */
export function asksCooperationOnly(text: string): boolean {
  // 只是配合、不牵头的: a lead word denied (不/没/非) still asks for cooperation only.
  const asserted = text.replace(/(?:不|没|没有|非|并非|不是)(?:负责|牵头|主管)/g, '');
  return /配合|协助|协同/.test(text) && !/负责|牵头|主管|职责/.test(asserted);
}

/** Quotation marks: a quoted run is taken as a quote of the document even when short. */
export const QUOTED = /[“”"「」『』‘’']/;
