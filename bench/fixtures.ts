/**
 * A valid demo complaint (the README walkthrough's), shared by the benches and the tests. Imports point one way:
 * test/ may import bench/ (this file through test/support/fixtures.ts, and bench/synthetic.ts), bench/ imports
 * nothing from test/. No vitest imports.
 */
export const demoComplaint = (over: Record<string, unknown> = {}) => ({
  title: '小区楼下夜间施工噪音',
  description: '每晚22点后仍在施工，影响休息',
  categoryId: 'env.noise.construction',
  channel: 'phone',
  complainant: { name: '张三', phone: '13812345678' },
  location: { address: '江城区城关街道桂花社区3栋', areaUnitId: 'd01-s01-c01' },
  ...over,
});

/** One complaint in this many is a caller calling again (a repeat, linked to the earlier case). */
export const BENCH_REPEAT_EVERY = 20;

/**
 * The n-th complaint of a bench run (n counts from 0 across the whole run). Each has a caller of its own (a phone
 * of its own) and is placed at the street, which is no place a later complaint can share (a repeat by place needs a
 * community or grid), so complaints are not repeats of one another as the same demo complaint made every one of
 * them (every case joined one master, and the bench measured that master's queue, not intake). Except: every
 * BENCH_REPEAT_EVERY-th is the caller of the complaint ten before calling again about the same thing, so about 5 %
 * of intakes find a repeat and tell its master, each a different one — repeat search and linking stay measured.
 */
export function benchComplaint(n: number, over: Record<string, unknown> = {}) {
  const caller = n % BENCH_REPEAT_EVERY === BENCH_REPEAT_EVERY - 1 && n >= 10 ? n - 10 : n;
  return demoComplaint({
    complainant: { name: '张三', phone: `139${String(caller % 100_000_000).padStart(8, '0')}` },
    location: { address: `江城区城关街道桂花路${(caller % 500) + 1}号`, areaUnitId: 'd01-s01' },
    ...over,
  });
}
