/**
 * The figures of a unit as terms over its counters: which counters (with which weight) make each figure's numerator
 * and which its denominator, which way is better, and the formula in words (Chinese and English). The same formulas
 * as `unitFigures` (assessment.rules.ts; assessment.figures.test.ts checks they agree), as data, so that the
 * drill-down can ask "which cases earned less than the full numerator" and an export can print the formula the
 * numbers were computed with.
 */
import type { AssessmentPolicy } from './assessment.policy.js';
import { COUNTERS, type Counter, type Counts, type Figure, type UnitFigures } from './assessment.rules.js';

export type FigureName = keyof UnitFigures;

/** Every figure, in the order answers and exports list them. */
export const FIGURE_NAMES = [
  'compositeScore',
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
  'onTimeSignFor',
  'onTimeReply',
  'onTimeParts',
  'closureRate',
  'returnRate',
  'rehandleRate',
  'ratingSatisfaction',
  'averageHandlingHours',
] as const satisfies readonly FigureName[];

/** One counter in a numerator, with what one of it counts for. */
export interface Term {
  counter: Counter;
  weight: number;
}

export interface FigureTerms {
  numerator: Term[];
  denominator: Counter;
  /** higher: a case that earns less than the full numerator cost the unit; lower: a case in the numerator did. */
  better: 'higher' | 'lower';
}

type Weights = Pick<AssessmentPolicy, 'weights' | 'basicallySatisfiedFactor'>;

/** The terms of a figure under a policy's weights and factor. */
export function figureTerms(name: FigureName, policy: Weights): FigureTerms {
  const f = policy.basicallySatisfiedFactor;
  const w = policy.weights;
  const higher = (denominator: Counter, ...numerator: Term[]): FigureTerms => ({ numerator, denominator, better: 'higher' });
  const one = (counter: Counter): Term => ({ counter, weight: 1 });
  switch (name) {
    case 'responseRate':
      return higher('valid', one('contacted'));
    case 'resolutionRate':
      return higher('valid', one('resolved'));
    case 'satisfactionRate':
      return higher('valid', one('satisfied'), { counter: 'basically_satisfied', weight: f });
    case 'compositeScore':
      return higher(
        'valid',
        { counter: 'contacted', weight: w.response },
        { counter: 'resolved', weight: w.resolution },
        { counter: 'satisfied', weight: w.satisfaction },
        { counter: 'basically_satisfied', weight: w.satisfaction * f },
      );
    case 'onTimeSignFor':
      return higher('sign_for_due', one('sign_for_on_time'));
    case 'onTimeReply':
      return higher('reply_due', one('reply_on_time'));
    case 'onTimeParts':
      return higher('part_due', one('part_on_time'));
    case 'closureRate':
      return higher('assigned', one('assigned_closed'));
    case 'returnRate':
      return { numerator: [one('returned')], denominator: 'dispatched', better: 'lower' };
    case 'rehandleRate':
      return { numerator: [one('round_rehandled')], denominator: 'round_judged', better: 'lower' };
    case 'ratingSatisfaction':
      return higher('rated', one('rated_satisfied'), { counter: 'rated_basically_satisfied', weight: f });
    case 'averageHandlingHours':
      return { numerator: [{ counter: 'handling_seconds', weight: 1 / 3600 }], denominator: 'handled', better: 'lower' };
  }
}

/** A figure computed from its terms (equal to unitFigures' for the same counts). */
export function figureOf(terms: FigureTerms, counts: Counts): Figure {
  const numerator = terms.numerator.reduce((sum, t) => sum + t.weight * (counts[t.counter] ?? 0), 0);
  const denominator = counts[terms.denominator] ?? 0;
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** Names of the figures, Chinese and English, as headers show them. */
export const FIGURE_LABELS: Record<FigureName, { zh: string; en: string }> = {
  compositeScore: { zh: '综合得分', en: 'Composite score' },
  responseRate: { zh: '响应率', en: 'Response rate' },
  resolutionRate: { zh: '解决率', en: 'Resolution rate' },
  satisfactionRate: { zh: '满意率', en: 'Satisfaction rate' },
  onTimeSignFor: { zh: '按时签收率', en: 'On-time sign-for rate' },
  onTimeReply: { zh: '按时答复率', en: 'On-time reply rate' },
  onTimeParts: { zh: '协办按时反馈率', en: 'On-time cooperation reports' },
  closureRate: { zh: '办结率', en: 'Closure rate' },
  returnRate: { zh: '退单率', en: 'Return rate' },
  rehandleRate: { zh: '重办率', en: 'Re-handle rate' },
  ratingSatisfaction: { zh: '网上评价满意率', en: 'Online rating satisfaction' },
  averageHandlingHours: { zh: '平均办理时长(工作小时)', en: 'Average handling time (working hours)' },
};

/** Names of the counters, Chinese and English. */
export const COUNTER_LABELS: Record<Counter, { zh: string; en: string }> = {
  valid: { zh: '有效回访', en: 'valid callbacks' },
  contacted: { zh: '已联系', en: 'contacted' },
  resolved: { zh: '已解决', en: 'resolved' },
  satisfied: { zh: '满意', en: 'satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'unsatisfied' },
  excluded_unreasonable: { zh: '剔除:不合理诉求', en: 'excluded: demand unreasonable' },
  excluded_no_contact: { zh: '剔除:无法回访', en: 'excluded: no one to call back' },
  excluded_invalid_callback: { zh: '剔除:无效回访', en: 'excluded: invalid callback' },
  round_judged: { zh: '回访评判轮次', en: 'rounds judged by a callback' },
  round_rehandled: { zh: '重办轮次', en: 'rounds handled again' },
  sign_for_due: { zh: '应签收', en: 'sign-for clocks due' },
  sign_for_on_time: { zh: '按时签收', en: 'signed for on time' },
  reply_due: { zh: '应答复', en: 'reply clocks due' },
  reply_on_time: { zh: '按时答复', en: 'replied on time' },
  part_due: { zh: '协办应反馈', en: 'cooperation parts due' },
  part_on_time: { zh: '协办按时反馈', en: 'parts reported on time' },
  dispatched: { zh: '收到派单', en: 'received (times sent to the unit)' },
  returned: { zh: '退单', en: 'returned' },
  assigned: { zh: '承办', en: 'kept (received and not returned)' },
  assigned_closed: { zh: '承办已办结', en: 'kept and closed' },
  closed: { zh: '办结', en: 'closed' },
  handled: { zh: '答复次数', en: 'replies' },
  handling_seconds: { zh: '办理工作秒数', en: 'working seconds from receipt to reply' },
  repeat: { zh: '重复诉求', en: 'repeat complaints linked to its cases' },
  rated: { zh: '网上评价', en: 'online ratings' },
  rated_satisfied: { zh: '评价满意', en: 'rated satisfied' },
  rated_basically_satisfied: { zh: '评价基本满意', en: 'rated basically satisfied' },
  rated_unsatisfied: { zh: '评价不满意', en: 'rated unsatisfied' },
};

const num = (n: number) => String(Number(n.toFixed(6)));

function termWords(t: Term, lang: 'zh' | 'en'): string {
  const name = COUNTER_LABELS[t.counter][lang];
  if (t.weight === 1) return name;
  // Seconds shown as hours: "办理工作秒数 / 3600", not "0.000278 × 办理工作秒数".
  if (Math.abs(t.weight * 3600 - 1) < 1e-12) return `${name} / 3600`;
  return `${num(t.weight)} × ${name}`;
}

/** A figure's formula in words, with the policy's numbers: "解决率 = 已解决 / 有效回访". */
export function describeFigure(name: FigureName, policy: Weights, lang: 'zh' | 'en'): string {
  const t = figureTerms(name, policy);
  const top = t.numerator.map((x) => termWords(x, lang)).join(' + ');
  const numerator = t.numerator.length > 1 ? `(${top})` : top;
  const better = lang === 'zh' ? (t.better === 'higher' ? '越高越好' : '越低越好') : t.better === 'higher' ? 'higher is better' : 'lower is better';
  return `${FIGURE_LABELS[name][lang]} = ${numerator} / ${COUNTER_LABELS[t.denominator][lang]} (${better})`;
}

/**
 * What the figures do not report, named in every answer and export so that a reader does not look for them. (Both
 * items the first release listed here are reported now: the average handling time in working hours is a figure,
 * the repeat count is the `repeat` counter.)
 */
export const NOT_REPORTED: ReadonlyArray<{ name: string; zh: string; en: string }> = [];

/** Every counter with 0 for those not counted (answers list all of them). */
export function fullCounts(counts: Counts): Record<Counter, number> {
  return Object.fromEntries(COUNTERS.map((c) => [c, counts[c] ?? 0])) as Record<Counter, number>;
}
