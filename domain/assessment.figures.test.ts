import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultAssessmentPolicy, type AssessmentPolicy } from './assessment.policy.js';
import { describeFigure, FIGURE_NAMES, figureOf, figureTerms, fullCounts } from './assessment.figures.js';
import { COUNTERS, unitFigures, type Counts } from './assessment.rules.js';

describe('the figures as terms over the counters', () => {
  it('name every figure unitFigures computes', () => {
    expect([...FIGURE_NAMES].sort()).toEqual(Object.keys(unitFigures({}, defaultAssessmentPolicy)).sort());
  });

  it('give the same numerator, denominator and value as unitFigures, for any counts and weights (property)', () => {
    const weights = fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
      .filter(([a, b]) => a + b <= 100)
      .map(([a, b]) => ({ response: a / 100, resolution: b / 100, satisfaction: (100 - a - b) / 100 }));
    const counts = fc.record(Object.fromEntries(COUNTERS.map((c) => [c, fc.integer({ min: 0, max: 1000 })])) as Record<(typeof COUNTERS)[number], fc.Arbitrary<number>>, { requiredKeys: [] });
    fc.assert(
      fc.property(counts, weights, fc.integer({ min: 0, max: 100 }), (c: Counts, w, f) => {
        const policy: AssessmentPolicy = { ...defaultAssessmentPolicy, weights: w, basicallySatisfiedFactor: f / 100 };
        const expected = unitFigures(c, policy);
        for (const name of FIGURE_NAMES) {
          const got = figureOf(figureTerms(name, policy), c);
          expect(got.denominator).toBe(expected[name].denominator);
          expect(got.numerator).toBeCloseTo(expected[name].numerator, 9);
          if (expected[name].value === null) expect(got.value).toBeNull();
          else expect(got.value!).toBeCloseTo(expected[name].value!, 9);
        }
      }),
    );
  });

  it('say which way is better: the return and re-handle rates and the handling time are the ones where lower is', () => {
    expect(FIGURE_NAMES.filter((n) => figureTerms(n, defaultAssessmentPolicy).better === 'lower')).toEqual(['returnRate', 'rehandleRate', 'averageHandlingHours']);
    expect(describeFigure('averageHandlingHours', defaultAssessmentPolicy, 'zh')).toBe('平均办理时长(工作小时) = 办理工作秒数 / 3600 / 答复次数 (越低越好)');
  });

  it('write each formula in words with the policy’s numbers', () => {
    expect(describeFigure('resolutionRate', defaultAssessmentPolicy, 'zh')).toBe('解决率 = 已解决 / 有效回访 (越高越好)');
    expect(describeFigure('satisfactionRate', defaultAssessmentPolicy, 'en')).toBe('Satisfaction rate = (satisfied + 0.9 × basically satisfied) / valid callbacks (higher is better)');
    expect(describeFigure('compositeScore', defaultAssessmentPolicy, 'en')).toBe(
      'Composite score = (0.1 × contacted + 0.5 × resolved + 0.4 × satisfied + 0.36 × basically satisfied) / valid callbacks (higher is better)',
    );
    expect(describeFigure('returnRate', defaultAssessmentPolicy, 'zh')).toBe('退单率 = 退单 / 收到派单 (越低越好)');
  });

  it('lists every counter, 0 for those not counted', () => {
    const all = fullCounts({ valid: 3 });
    expect(Object.keys(all)).toEqual([...COUNTERS]);
    expect(all.valid).toBe(3);
    expect(all.resolved).toBe(0);
  });
});
