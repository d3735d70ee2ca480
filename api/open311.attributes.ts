/**
 * What Open311's service definition asks for, per category (GeoReport v2 "GET Service Definition"): the few facts a
 * unit needs at once for some kinds of complaint, which a free description often leaves out. A category takes the
 * attributes of the nearest of itself and its ancestors that has some (env.noise.construction: those of env.noise);
 * a category with none has `metadata: false`. The answers are written into the case's description under 补充信息,
 * so the intake stays the one of /v1/cases and staff read them where they read the complaint.
 */

export const ATTRIBUTE_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number];

export interface ServiceAttribute {
  /** The attribute's code: the client sends attribute[code]. */
  code: string;
  /** false: shown to the user as information only (no answer is taken). */
  variable: boolean;
  datatype: AttributeDatatype;
  required: boolean;
  datatype_description: string | null;
  /** 1 is shown first; unique within the service. */
  order: number;
  /** The question (or, not variable, the information) as the user reads it. */
  description: string;
  /** The options of a singlevaluelist or multivaluelist. */
  values?: ReadonlyArray<{ key: string; name: string }>;
  /** How the answer is labelled in the case description. */
  label: string;
}

/** The longest answer taken: a string (one line) and a text (several). */
export const MAX_STRING_ANSWER = 200;
export const MAX_TEXT_ANSWER = 1000;

const NOISE: readonly ServiceAttribute[] = [
  {
    code: 'noise_time',
    variable: true,
    datatype: 'singlevaluelist',
    required: true,
    datatype_description: null,
    order: 1,
    description: '噪声通常在什么时段出现？',
    values: [
      { key: 'day', name: '白天（6:00–22:00）' },
      { key: 'night', name: '夜间（22:00–次日6:00）' },
      { key: 'all_day', name: '全天' },
    ],
    label: '发生时段',
  },
  {
    code: 'noise_source',
    variable: true,
    datatype: 'string',
    required: false,
    datatype_description: '工地、商户或单位的名称，不知道可不填',
    order: 2,
    description: '噪声来自哪个工地、商户或单位？',
    label: '噪声来源',
  },
];

const ELEVATOR: readonly ServiceAttribute[] = [
  {
    code: 'trapped_notice',
    variable: false,
    datatype: 'string',
    required: false,
    datatype_description: null,
    order: 1,
    description: '如有人被困在电梯内，请立即拨打 119 或电梯内的救援电话，不要等待本平台处理。',
    label: '提示',
  },
  {
    code: 'elevator_state',
    variable: true,
    datatype: 'singlevaluelist',
    required: true,
    datatype_description: null,
    order: 2,
    description: '电梯现在是什么情况？',
    values: [
      { key: 'stopped', name: '停运' },
      { key: 'faulty', name: '运行异常（异响、抖动、平层不准）' },
      { key: 'overdue_check', name: '超期未年检' },
    ],
    label: '电梯状况',
  },
  {
    code: 'building',
    variable: true,
    datatype: 'string',
    required: false,
    datatype_description: '小区、楼栋与单元，例如 桂花苑 3栋 2单元',
    order: 3,
    description: '哪一栋楼、哪个单元的电梯？',
    label: '楼栋单元',
  },
];

const STREETLIGHT: readonly ServiceAttribute[] = [
  {
    code: 'lamp_state',
    variable: true,
    datatype: 'singlevaluelist',
    required: true,
    datatype_description: null,
    order: 1,
    description: '路灯是什么情况？',
    values: [
      { key: 'dark', name: '不亮' },
      { key: 'flicker', name: '闪烁' },
      { key: 'on_by_day', name: '白天常亮' },
      { key: 'damaged', name: '灯杆损坏或倾斜' },
    ],
    label: '路灯状况',
  },
  {
    code: 'lamp_count',
    variable: true,
    datatype: 'number',
    required: false,
    datatype_description: '大约几盏',
    order: 2,
    description: '涉及几盏路灯？',
    label: '涉及盏数',
  },
  {
    code: 'pole_number',
    variable: true,
    datatype: 'string',
    required: false,
    datatype_description: '灯杆上喷印的编号',
    order: 3,
    description: '灯杆编号（如能看到）',
    label: '灯杆编号',
  },
];

const ODOR: readonly ServiceAttribute[] = [
  {
    code: 'odor_kind',
    variable: true,
    datatype: 'multivaluelist',
    required: true,
    datatype_description: '可多选',
    order: 1,
    description: '是什么样的气味？',
    values: [
      { key: 'chemical', name: '化学品、油漆味' },
      { key: 'rot', name: '垃圾腐臭' },
      { key: 'sewage', name: '下水道臭味' },
      { key: 'fumes', name: '油烟味' },
      { key: 'other', name: '其他' },
    ],
    label: '气味类型',
  },
  {
    code: 'first_noticed',
    variable: true,
    datatype: 'datetime',
    required: false,
    datatype_description: 'ISO 8601，带时区，例如 2026-03-02T21:30:00+08:00',
    order: 2,
    description: '最早是什么时候闻到的？',
    label: '最早闻到',
  },
];

const ROAD: readonly ServiceAttribute[] = [
  {
    code: 'hazard',
    variable: true,
    datatype: 'singlevaluelist',
    required: true,
    datatype_description: null,
    order: 1,
    description: '道路设施出了什么问题？',
    values: [
      { key: 'pothole', name: '路面坑洼、塌陷' },
      { key: 'manhole', name: '井盖缺失或破损' },
      { key: 'railing', name: '护栏损坏' },
      { key: 'other', name: '其他' },
    ],
    label: '问题类型',
  },
  {
    code: 'hazard_details',
    variable: true,
    datatype: 'text',
    required: false,
    datatype_description: '大小、位置、是否已有警示等，可换行',
    order: 2,
    description: '请补充说明现场情况',
    label: '现场情况',
  },
];

/** By category id: the attributes of that category and of every category below it that has none of its own. */
export const SERVICE_ATTRIBUTES: Readonly<Record<string, readonly ServiceAttribute[]>> = {
  'env.noise': NOISE,
  'property.facility.elevator': ELEVATOR,
  'safety.elevator': ELEVATOR,
  'sanitation.streetlight': STREETLIGHT,
  'env.odor': ODOR,
  'traffic.road': ROAD,
};

/**
 * The attributes of a category: its own, or those of its nearest ancestor that has some (up the taxonomy's parents,
 * `parentOf`); [] for none.
 */
export function attributesOf(
  categoryId: string,
  parentOf: (id: string) => string | null | undefined,
  table: Readonly<Record<string, readonly ServiceAttribute[]>> = SERVICE_ATTRIBUTES,
): readonly ServiceAttribute[] {
  const seen = new Set<string>();
  for (let id: string | null | undefined = categoryId; id && !seen.has(id); id = parentOf(id)) {
    seen.add(id);
    const found = table[id];
    if (found) return found;
  }
  return [];
}
