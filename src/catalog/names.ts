/** Short readable names for indicators, taken from the task's own words. */

const LIMIT = 30;

/** Words that open a clause but say nothing of what is counted: dropped from names. */
const NAME_NOISE = [
  /^(年底前|年内|\d{1,2}月底前|\d{1,2}月\d{1,2}日前|(?:到|至|力争|争取)(?:19|20)\d{2}年(?:底|末)?(?:前)?|(?:19|20)\d{2}年(?:(?:底|末)前?|前|以前)|(?:19|20)\d{2}年\d{1,2}月(?:底|末|\d{1,2}日)?(?:前|以前)?|“?十[四五]五”?(?:期间|时期|末))/,
  /^(以上|以内|左右)/,
  /^[，、]/,
  /^(全省|全市|全区|全县|各地)/,
  /^(计划|确保|力争|实现|组织开展|继续|积极|着力|努力|每年|年均)/,
];

/**
 * A short readable label from the words around a number: the document's own year, time, place and
 * planning words dropped (2021年全省计划改造各类棚户区 → 改造各类棚户区). Another year stays
 * (2020年改造任务), since it says which work is meant.
 */
export function nameFrom(text: string, year: number): string {
  let name = text
    .replace(/^[\u2460-\u2473]|^[（(]\d{1,2}[）)]|^\d{1,2}[.、．]/, '')
    .replace(/[（(][^（）()]*(?:负责|牵头|配合|参与|落实)[）)]/g, '')
    .replace(new RegExp(`^(?:到|至)?${year}年(度)?(?:底|末)?(?:前)?`), '')
    .replace(/全省|全市|全区/g, '')
    .replace(/^[、，,\s]+|[、，,\s]+$/g, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const noise of NAME_NOISE) {
      const next = name.replace(noise, '');
      if (next !== name && next !== '') {
        name = next;
        changed = true;
      }
    }
  }
  name = name
    .replace(
      /(保持在|达到|不低于|不少于|的目标|分别|均|(?:提高|提升|降低|压缩|缩短|压减|控制|减少)(?:到|至|在)|降至)$/,
      '',
    )
    .replace(/达到/, '');
  return name.length > LIMIT ? shorten(name) : name;
}

/** Clauses that only say on what grounds or in what frame the work is done: 根据…, 按照…要求, 围绕…. */
const LEAD_IN =
  /^(?:根据|按照|依据|遵照|围绕|结合|对照|立足|聚焦|对标|紧扣|着眼|针对|依托|基于|坚持|按|以|为|在)/;
/** Verbs that say what is to be done, for the head of a shortened name. */
const VERB =
  /(落实|推进|推动|实施|开展|建立|完善|健全|制定|编制|出台|建设|支持|加强|提升|提高|扩大|优化|深化|组织|引导|鼓励|实行|推广|探索|培育|打造|创建|发展|开工|改造|完成|新建|加大|强化|规范|保障|统筹|整合|取消|放开|促进|构建|研究|召开|公布|划定|申报|争取|谋划|储备|启动|抓好|做好|巩固|落地|执行|贯彻|召开|举办|配置|修订|印发|发布|出台|设立|成立)/;
/** A clause that only says when: 到2028年, 年底前, 十四五期间. */
const TIME_ONLY =
  /^(?:到|至|截至|力争|争取)?(?:(?:19|20)\d{2}年(?:\d{1,2}月)?(?:底|末)?(?:前|以前)?|年底前|年内|“?十[三四五]五”?(?:期间|时期|末))$/;
const ADVERB =
  /^(?:严格|全面|积极|加快|大力|深入|持续|稳步|扎实|进一步|继续|着力|努力|切实|稳妥|审慎|认真|有序|不断|逐步|加紧|全力|协同|统筹)+/;

/**
 * The name of a task tracked as a milestone: its first clause that says what is to be done
 * (a lead-in such as 根据第七次全国人口普查结果 skipped), shortened where it must be so that it stays
 * whole: the verb and the head noun of a long list (严格落实…等重点群体落户政策 → 落实重点群体落户政策),
 * or the first of several coordinated phrases (支持老旧小区引入市场化物业服务).
 */
export function milestoneName(text: string, year: number): string {
  const clauses = text
    .split(/[，,；;。！!？?]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const action =
    clauses.find(
      (c, i) =>
        !(i < clauses.length - 1 && ((LEAD_IN.test(c) && !VERB.test(c.slice(0, 2))) || TIME_ONLY.test(c))),
    ) ??
    clauses[0] ??
    '';
  return nameFrom(action, year) || action.slice(0, LIMIT);
}

/** A long phrase made short without cutting a word in half. */
export function shorten(phrase: string): string {
  if (phrase.length <= LIMIT) return phrase;
  const plain = phrase.replace(ADVERB, '');
  if (plain.length <= LIMIT) return plain;
  // The verb, then what the list is of: 落实 + 重点群体落户政策.
  const verb = VERB.exec(plain.slice(0, 6));
  const tail = /(?:等|的)([^等的]{4,20})$/.exec(plain)?.[1];
  if (verb && tail && !tail.startsWith(verb[1] ?? '')) {
    const head = plain.slice(0, (verb.index ?? 0) + (verb[1]?.length ?? 0));
    if (head.length <= 8) return `${head}${tail}`;
  }
  // A long list of names as its first and what follows it: 将A、B、C、D5个县市纳入… → 将A等5个县市纳入….
  const pieces = plain.split('、');
  const lastPiece = pieces[pieces.length - 1] ?? '';
  const rest = /等|\d/.exec(lastPiece);
  if (pieces.length >= 3 && rest) {
    const collapsed = `${pieces[0]}等${lastPiece.slice(rest.index + (rest[0] === '等' ? 1 : 0))}`;
    if (collapsed.length <= LIMIT) return collapsed;
  }
  // The first of several coordinated phrases.
  const window = plain.slice(0, LIMIT + 1);
  let cut = -1;
  for (const m of window.matchAll(/[、，,]|或|并|及|以及/g)) if ((m.index ?? 0) >= 8) cut = m.index ?? cut;
  if (cut >= 8) return plain.slice(0, cut);
  return plain.slice(0, LIMIT);
}
