/**
 * What the pure domain tests build their cases from: one sample complaint and the default policy with clocks of
 * seconds, so a test reaches yellow and red by moving `now`, not by waiting.
 */
import type { CaseIntake } from '../../domain/case.types.js';
import type { CasePolicy } from '../../domain/policy.types.js';
import { defaultCasePolicy } from '../../db/seed-policy.js';

/** A noise complaint by phone with a named complainant; `over` replaces fields. */
export function sampleIntake(over: Partial<CaseIntake> = {}): CaseIntake {
  return {
    title: '夜间施工噪音',
    description: '工地每晚十一点后仍在施工',
    categoryId: 'env.noise.construction',
    channel: 'phone',
    complainant: { name: '张三丰', phone: '13812345678' },
    ...over,
  };
}

/** The default policy with second-scale clocks for the general class: signFor 40 s, contact 80 s, reply 200 s, callback 100 s. */
export const fastPolicy: CasePolicy = {
  ...defaultCasePolicy,
  clocks: {
    ...defaultCasePolicy.clocks,
    general: {
      signFor: { amount: 40, unit: 'seconds' },
      contact: { amount: 80, unit: 'seconds' },
      reply: { amount: 200, unit: 'seconds' },
      callback: { amount: 100, unit: 'seconds' },
    },
  },
};
