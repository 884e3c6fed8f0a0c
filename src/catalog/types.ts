/** The catalogue of one key-task document, as parsed from its text and reviewed by a person. */

/** How a target compares: at least (以上/不少于/不低于), about (约), exactly (计划 N), at most (不超过/以内). */
export type Comparator = '>=' | '<=' | '=' | '~';

/**
 * count: cumulative towards a total (3.6万人 trained);
 * level: a value to keep (县域内就诊率保持在90%以上);
 * coverage: a percentage to reach (全覆盖 = 100%);
 * milestone: done or not by a deadline (站房主体工程基本完成).
 */
export type IndicatorKind = 'count' | 'level' | 'coverage' | 'milestone';

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
  /** ISO date, default 31 December of the document's year. */
  deadline: string;
  kind: IndicatorKind;
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
  departments: string[];
  departmentMode: DepartmentMode;
  indicators: Indicator[];
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
}
