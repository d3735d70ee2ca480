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
