/** The catalogue of one key-task document, as parsed from its text and reviewed by a person. */

/** How a target compares: at least (以上/不少于/不低于), about (约), exactly (计划 N), at most (不超过/以内). */
export type Comparator = '>=' | '<=' | '=' | '~';

/**
 * count: cumulative towards a total (3.6万人 trained);
 * level: a value to keep (县域内就诊率保持在90%以上);
 * coverage: a percentage to reach (全覆盖 = 100%);
 * milestone: done or not by a deadline (站房主体工程基本完成).
 */
export type IndicatorKind = 'count' | 'level' | 'coverage' | 'growth' | 'milestone';

/** The kinds a catalogue's indicators carry: the same as the store's (growth: 下降3% is -3). */
export type CatalogIndicatorKind = IndicatorKind;

/** annual: a target repeated each year (每年培训10万人次, 年均增长7%); null: once, by the deadline. */
export type Recurrence = 'annual';

/**
 * sole: 负责 (one department, or several jointly);
 * separate: 分别负责 (each for its own part);
 * lead: 等负责 / 牵头…配合 (the first leads, others support or are unnamed).
 */
export type DepartmentMode = 'sole' | 'separate' | 'lead';

export interface Indicator {
  /** Stable across re-parses: `${year}-T${taskSeq}-${n}`, e.g. 2021-T10-1. */
  code: string;
  /** Short readable name, e.g. 农民工向农技工转型培训. */
  name: string;
  /** Plain number (3.6万 → 36000); null for a milestone. */
  value: number | null;
  /** 人, 人次, 户, 套, 个, 条, 公里, 件, 处, 项, 平方米, %, 元 …; null for a milestone. */
  unit: string | null;
  comparator: Comparator;
  /** ISO date, default 31 December of the document's year; may lie beyond it (到2025年底 → 2025-12-31). */
  deadline: string;
  kind: CatalogIndicatorKind;
  /** 'annual' for a target repeated each year; null or absent for a one-off. */
  recurrence?: Recurrence | null;
  /** The phrase of the document the target was read from (3.6万人以上). */
  source: string;
}

export interface Part {
  no: number;
  title: string;
}

export interface Section {
  no: number;
  part: number;
  title: string;
}

export interface Task {
  seq: number;
  part: number;
  section: number;
  text: string;
  /** Empty when the parser found none (it then reports a doubt); a reviewed catalogue names one. */
  departments: string[];
  departmentMode: DepartmentMode;
  /** The lead department (牵头, first of 等负责, the only one, or first by 列第一位者为牵头单位), or null. */
  lead?: string | null;
  indicators: Indicator[];
}

/** A numbered goal paragraph of the document (（二）发展目标): no department, its own indicators. */
export interface Goal {
  no: number;
  title: string;
  text: string;
  /** Codes `${year}-G${no}-${n}`. */
  indicators: Indicator[];
}

/** Something the parser was unsure of, for a reviewer to check first. */
export interface Doubt {
  kind: 'department' | 'number' | 'numbering' | 'year' | 'previous';
  /** The task it concerns, or null for the document as a whole. */
  seq: number | null;
  /** What to check, in Chinese. */
  message: string;
  /** The text it was read from. */
  source: string;
}

export interface DocumentInfo {
  /** Short stable id, e.g. jilin-2021-new-urbanization-key-tasks. */
  id: string;
  title: string;
  year: number;
}

export interface Catalog {
  document: DocumentInfo;
  /** Codes of the indicators the overview leads with, chosen when the catalogue is reviewed. */
  headline?: string[];
  parts: Part[];
  sections: Section[];
  tasks: Task[];
  /** Goal paragraphs with their indicators, beside the tasks. */
  goals?: Goal[];
}
