import { canonicalDepartment } from './department-aliases.js';
import type { DepartmentMode } from './types.js';

export interface Responsibility {
  departments: string[];
  mode: DepartmentMode;
  /** The lead department: named as 牵头, first of 等负责, the only one, or first by the document's rule. */
  lead: string | null;
  /** 列第一位者为牵头单位，下同: from here on the first-named department leads. */
  firstLeads?: boolean;
  /** A deadline field such as 完成时限：2023年6月底前, as written. */
  deadline?: string;
}

/** Labels of department fields: 牵头单位, 责任单位, 负责部门, 配合单位 … */
const DEPARTMENT_LABEL = '(?:牵头|责任|主责|负责|主办|实施|配合|协办|参与|协同|协作|承办)(?:单位|部门)';
const DEADLINE_LABEL = '(?:完成时限|完成时间|时间节点|时限要求|进度安排|时间安排)';
/** Labels of the people answerable (【责任领导】李某某, 分管市领导：张某某): part of the block, never a department. */
const PERSON_LABEL =
  '(?:责任领导|分管领导|牵头领导|包保领导|督办领导|分管市领导|牵头市领导|分管省领导|牵头省领导|分管副市长|分管副省长|责任人|联系人)';
const LABEL = new RegExp(`(?:${DEPARTMENT_LABEL}|${DEADLINE_LABEL})`);
/** A labelled field opening at this position: 牵头单位：, 【责任单位】, [配合部门], 【责任领导】 … */
export const FIELD_START = new RegExp(
  `^[【\\[［]?(?:${DEPARTMENT_LABEL}|${DEADLINE_LABEL}|${PERSON_LABEL})(?:[】\\]］]\\s*[:：]?|\\s*[:：])`,
);

/** 列第一位者为牵头单位 / 排在第一位的部门为牵头部门 / 列首位的为牵头单位 (…，下同). */
const FIRST_LEADS =
  /[，,；;。]?\s*(?:各项任务中?)?(?:列|排|排列)(?:在)?(?:第一位|首位|第一)的?(?:者|部门|单位)?(?:为|是)牵头(?:单位|部门)(?:[，,；;]?\s*下同)?[。]?$/;

/** Verbs that close a department phrase, longest first. */
const VERB =
  /(分别牵头负责|牵头负责|按职责分工负责|按职责分别负责|按职责负责|按职能分工负责|分别负责|共同负责|负总责|牵头|负责|配合|参与|落实|指导|组织实施|具体实施|抓好落实|督促落实|承办|协办)$/;

/** Pieces that name no one in particular: dropped (有关部门), unlike collective names (各市县政府). */
const NOBODY =
  /^(?:其他|其它|各)?(?:省直|市直|县直|区直|中省直)?(?:各)?(?:有关|相关)(?:部门|单位|方面|机构)?$|^(?:各级?)?(?:有关|相关)?部门$|^有关方面$/;

/**
 * Offices of the central government in the province (吉林银保监局, 人民银行长春中心支行, 民航吉林监管局,
 * 长春海关): a 省 written before the list is not theirs.
 */
const VERTICAL =
  /^(?:人民银行|人行|国家|中国|中央|民航|国网|国开行|农发行|进出口银行|北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆)|银保监|证监|海关|中心支行|调查总队/;

/**
 * Whether a parenthetical's inside says who is responsible: a labelled field (负责部门：X),
 * or names closed by a verb (X负责, X牵头，Y配合, X会同有关部门负责, X等按职责分工负责).
 */
export function isResponsibility(inner: string): boolean {
  const text = inner.replace(/\s+/g, '').replace(FIRST_LEADS, '');
  if (
    new RegExp(`${DEPARTMENT_LABEL}[:：]`).test(text) ||
    /^[【[]?(?:牵头|责任)(?:单位|部门)[】\]]/.test(text)
  )
    return true;
  const clauses = text.split(/[，,；;]/).filter((c) => c !== '');
  if (clauses.length === 0 || clauses.length > 6) return false;
  return clauses.some((clause) => {
    const m = VERB.exec(clause);
    if (!m) return false;
    const names = clause
      .slice(0, m.index)
      .replace(/^由/, '')
      .replace(/(?:会同|联合)(?:有关|相关)?(?:部门|单位)?$/, '')
      .replace(/等(?:有关|相关)?(?:部门|单位)?$/, '');
    // Names only: no sentence inside, short pieces, at least one of them looking like an office.
    if (names === '' || /[。：:]/.test(names) || names.length > 120) return false;
    const pieces = splitNames(names);
    return pieces.length > 0 && pieces.every((p) => p.length <= 30) && pieces.some(looksLikeOffice);
  });
}

/**
 * A parenthetical of office names alone, without a verb: （市农业农村局）, （市住房城乡建设局、市农业农村局）,
 * as many 工作要点 close each item. Only whole office names, three characters or more (各县（市、区）
 * is a place, not a department); where it may stand is for the caller (at the end of a sentence).
 */
export function isBareDepartments(inner: string): boolean {
  const text = inner.replace(/\s+/g, '');
  if (text === '' || text.length > 120 || /[。：:；;\d%％]/.test(text)) return false;
  const pieces = splitNames(text);
  return (
    pieces.length <= 12 &&
    pieces.every((p) => p.length >= 3 && p.length <= 30 && looksLikeOffice(p) && !NOBODY.test(p)) &&
    pieces.some((p) => /(厅|局|委|办|部|署|院|中心|政府|公司|集团|管委会|办事处)$/.test(p))
  );
}

/** 省教育厅, 区发改局, 各市县政府, 国家发展改革委, 国开行吉林省分行, 各街道 … */
function looksLikeOffice(name: string): boolean {
  return (
    /(厅|局|委|办|部|署|院|会|室|中心|政府|行|公司|集团|联|协|站|队|处|所|社|团|街道|乡镇|镇|州|县|区|市|省|管委会|办事处)$/.test(
      name,
    ) || /^各/.test(name)
  );
}

/** Reads who is responsible and how they share the work, from a parenthetical's inside or a field block. */
export function parseResponsibility(inner: string): Responsibility {
  // 责任人：李某某 beside the offices names a person, not a department.
  let text = inner
    .replace(/\s+/g, '')
    .replace(new RegExp(`[；;，,]?[【\\[［]?${PERSON_LABEL}[】\\]］]?[:：]?[^；;，,【\\[［]*`, 'g'), '');
  const firstLeads = FIRST_LEADS.test(text);
  text = text.replace(FIRST_LEADS, '');
  const result = LABEL.test(text) && /[:：】\]]/.test(text) ? parseFields(text) : parseClauses(text);
  if (firstLeads) {
    result.firstLeads = true;
    result.lead = result.departments[0] ?? null;
  }
  return result;
}

/** 牵头单位：A；责任单位：B、C；配合单位：D；完成时限：2023年底 (also 【牵头单位】A). */
function parseFields(text: string): Responsibility {
  const splitter = new RegExp(
    `[【\\[［]?(${DEPARTMENT_LABEL}|${DEADLINE_LABEL}|${PERSON_LABEL})[】\\]］]?[:：]?`,
    'g',
  );
  const marks = [...text.matchAll(splitter)];
  const leads: string[] = [];
  const mains: string[] = [];
  const others: string[] = [];
  let deadline: string | undefined;
  let separate = false;
  const level: LevelPrefix = { prefix: '', party: '' };
  marks.forEach((m, i) => {
    const label = m[1] ?? '';
    const value =
      text
        .slice((m.index ?? 0) + m[0].length, marks[i + 1]?.index ?? text.length)
        .replace(/^[:：]/, '')
        .split(/[；;。]/)[0]
        ?.replace(/[，,]+$/, '') ?? '';
    if (new RegExp(DEADLINE_LABEL).test(label)) {
      deadline = value;
      return;
    }
    if (new RegExp(`^${PERSON_LABEL}$`).test(label)) return;
    if (/分别负责$/.test(value)) separate = true;
    // 市科技局（牵头），市发展改革委、市教育局（配合）: a mark after a clause of names says their part.
    for (const clause of value.split(/[，,](?![^（(]*[)）])/)) {
      const mark = /[（(](牵头|配合|协办|参与|负责)[)）]$/.exec(clause)?.[1];
      const names = namesOf(
        clause.replace(/[（(](?:牵头|配合|协办|参与|负责)[)）]$/, '').replace(VERB, ''),
        level,
      );
      const part = mark ?? label;
      if (part.startsWith('牵头')) leads.push(...names);
      else if (/^(配合|协办|参与|协同|协作)/.test(part)) others.push(...names);
      else mains.push(...names);
    }
  });
  const departments = unique([...leads, ...mains, ...others]);
  const mode: DepartmentMode =
    leads.length > 0 || others.length > 0 ? 'lead' : separate ? 'separate' : 'sole';
  const lead = leads[0] ?? (mains.length === 1 ? (mains[0] ?? null) : null);
  return { departments, mode, lead, ...(deadline ? { deadline } : {}) };
}

/** 省发改委牵头，省财政厅、省住建厅配合 / A、B分别负责 / A等负责 / A会同有关部门负责 / A指导，B落实. */
function parseClauses(text: string): Responsibility {
  const clauses = text.split(/[，,；;]/).filter((c) => c !== '');
  const level: LevelPrefix = { prefix: '', party: '' };
  const groups: { names: string[]; verb: string; unnamedOthers: boolean }[] = [];
  for (const clause of clauses) {
    const verb = VERB.exec(clause)?.[1] ?? '';
    let body = clause.slice(0, clause.length - verb.length).replace(/^由/, '');
    // X会同Y负责: X leads, Y (often 有关部门) takes part. Not the word inside a name: 组织部,
    // 工商业联合会, 协调办, 协调小组; and X must be an office itself.
    const together = /^(.+?)(?:会同|联合|协调|组织)(?![部会办委处室组小中])(.+)$/.exec(body);
    if (together && looksLikeOffice(together[1] ?? '')) {
      groups.push({ names: namesOf(together[1] ?? '', level), verb: '牵头', unnamedOthers: false });
      const rest = namesOf(together[2] ?? '', level);
      groups.push({ names: rest, verb: '配合', unnamedOthers: rest.length === 0 });
      continue;
    }
    const unnamedOthers = /等(?:有关|相关)?(?:部门|单位)?$/.test(body) || /^(?:有关|相关)/.test(body);
    body = body.replace(/等(?:有关|相关)?(?:部门|单位)?$/, '');
    groups.push({ names: namesOf(body, level), verb, unnamedOthers });
  }
  const departments = unique(groups.flatMap((g) => g.names));
  const first = groups[0];
  const leadVerb = groups.some((g) => /牵头|配合|参与|指导|协办/.test(g.verb)) || groups.length > 1;
  let mode: DepartmentMode = 'sole';
  if (/分别|按职责|按职能/.test(first?.verb ?? '') && !leadVerb) mode = 'separate';
  else if (leadVerb || first?.unnamedOthers) mode = 'lead';
  let lead: string | null = null;
  if (
    first &&
    (/牵头|指导/.test(first.verb) || first.unnamedOthers || mode === 'lead') &&
    first.names.length === 1
  )
    lead = first.names[0] ?? null;
  if (mode === 'lead' && first && /牵头/.test(first.verb)) lead = first.names[0] ?? null;
  if (departments.length === 1 && mode !== 'separate') lead = departments[0] ?? null;
  return { departments, mode, lead };
}

/** The names in a 、-joined list, cleaned: trailing 等/按职责分工 dropped, 有关部门 left out, 省 shared. */
export function namesOf(text: string, level: LevelPrefix = { prefix: '', party: '' }): string[] {
  const cleaned = text
    .replace(/(?:按职责分工|按职责|按职能分工|分别|共同|各自)$/, '')
    .replace(/等(?:有关|相关)?(?:部门|单位)?$/, '');
  return unique(
    shareLevelPrefix(splitNames(cleaned), level)
      .map((name) => name.replace(/^(?:由|请)/, '').replace(/等$/, ''))
      .filter((name) => name !== '' && !NOBODY.test(name))
      // One spelling of a name whatever the brackets: 各县(市、区)政府 is 各县（市、区）政府.
      .map((name) => canonicalDepartment(name.replace(/\(/g, '（').replace(/\)/g, '）'))),
  );
}

/**
 * Splits 、-joined names (not inside parentheses: 各县（市、区）政府 is one), mending a misplaced 省
 * such as 省文旅厅省、自然资源厅 (→ 省文旅厅, 省自然资源厅): a name ending in 省 whose neighbour lacks
 * the prefix gives the 省 back to it.
 */
export function splitNames(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '（' || ch === '(') depth += 1;
    if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,]/.test(ch)) {
      pieces.push(current);
      current = '';
    } else current += ch;
  }
  pieces.push(current);
  // 和/及/与 join two names only where both sides are whole names (not 省住房和城乡建设厅).
  const joined = pieces.flatMap((piece) => {
    const m = /^(.+?[厅局委办部署院会])(?:和|及|与|以及)((?:省|市|区|县|州|国家|中央|各).+)$/.exec(
      piece.trim(),
    );
    return m ? [m[1] ?? '', m[2] ?? ''] : [piece];
  });
  const trimmed = sharedSuffix(joined.map((p) => p.trim()).filter((p) => p !== ''));
  for (let i = 0; i < trimmed.length - 1; i++) {
    const piece = trimmed[i] ?? '';
    const next = trimmed[i + 1] ?? '';
    if (piece.length > 2 && piece.endsWith('省') && !next.startsWith('省')) {
      trimmed[i] = piece.slice(0, -1);
      trimmed[i + 1] = `省${next}`;
    }
  }
  return trimmed;
}

/** 各市（州）, 县（市、区）, 各乡镇: places without the office that follows them in the list. */
const PLACE_ONLY = /^各?(?:市|县|区|州|旗|乡|镇|乡镇|街道)(?:[（(][^（()）]*[)）])?$/;
const PLACE_OFFICE =
  /^(各?(?:市|县|区|州|旗|乡|镇|乡镇|街道)(?:[（(][^（()）]*[)）])?)((?:人民)?政府|党委和政府|党委|管委会|人民政府办公室)$/;

/**
 * 各市（州）、县（市、区）人民政府 names two collective offices: the office after the last place is
 * each place's (各市（州）人民政府, 各县（市、区）人民政府), and the 各 of the first is theirs too.
 */
function sharedSuffix(pieces: string[]): string[] {
  const out = [...pieces];
  for (let i = 0; i < out.length; i++) {
    if (!PLACE_ONLY.test(out[i] ?? '')) continue;
    let j = i;
    while (j < out.length && PLACE_ONLY.test(out[j] ?? '')) j += 1;
    const office = PLACE_OFFICE.exec(out[j] ?? '');
    if (!office) continue;
    const each = (out[i] ?? '').startsWith('各');
    for (let k = i; k <= j; k++) {
      const place = k === j ? (office[1] ?? '') : (out[k] ?? '');
      out[k] = `${each && !place.startsWith('各') ? '各' : ''}${place}${office[2]}`;
    }
    i = j;
  }
  return out;
}

/** The 省 / 市 / 区 written once at the head of a list, shared by the names after it. */
export interface LevelPrefix {
  prefix: string;
  party: string;
}

function shareLevelPrefix(names: string[], level: LevelPrefix): string[] {
  return names.map((name) => {
    const own = /^(省|市|区|县|州|旗|盟|自治区|自治州)(委)?/.exec(name);
    // 市政公用局 is municipal works, no level; 市政府 and 市政务服务中心 are the city's own.
    if (own && !/^(?:市场|区域|县域|市政(?![府务])|州府)/.test(name)) {
      level.prefix = own[1] ?? '';
      level.party = own[2] ? `${level.prefix}委` : '';
      return name;
    }
    const { prefix, party } = level;
    if (
      prefix !== '' &&
      !VERTICAL.test(name) &&
      !/^[各有相全本该]/.test(name) &&
      !/省|市(?![场政容民])|县(?![域级])|(?<![社地园景小])区(?!域)|州|旗|街道|银行|公司|集团|大学|学院/.test(
        name.slice(0, -1),
      ) &&
      /(厅|局|委|办|委员会|办公室|部|署|中心|工会|团委|妇联|科协|残联|侨联|文联|社科联|联社|院)$/.test(name)
    ) {
      return `${party !== '' && /(部|办)$/.test(name) ? party : prefix}${name}`;
    }
    return name;
  });
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
