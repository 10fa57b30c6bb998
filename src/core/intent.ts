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

/**
 * 在这个反拐细则里 / 在反拐里: the document itself named, which a unit question (妇联在反拐细则里摊到
 *哪些活) asks within, not about.
 */
const IN_DOCUMENT =
  /(?:在)?(?:这个|这份|咱们|我们|咱|本)?(?:省)?(?:反拐|打拐)?(?:工作)?(?:实施)?(?:细则|文件)(?:里面|里头|里边|里|中|当中|上)?|(?:在)?(?:反拐|打拐)(?:工作)?(?:里面|里头|里边|里|中|当中|方面|这块)/g;
export const withoutDocumentName = (text: string) => text.replace(IN_DOCUMENT, ' ');

/** Quotation marks: a quoted run is taken as a quote of the document even when short. */
export const QUOTED = /[“”"「」『』‘’']/;
