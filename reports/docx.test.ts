/**
 * The Word report, unzipped and read back: word/document.xml carries the title, every section's heading in the HTML's
 * order, the figures of each table and the links to the cases behind them; each chart is a chart part whose data are
 * the figures (categories and values); the same figures make the same document; the core properties carry the report's
 * generation time.
 */
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { decodeXml, paragraphsOf, unzip } from '../test/support/zip.js';
import { reportDocx } from './docx.js';
import type { ReportFigures } from './figures.js';
import { reportHtml } from './html.js';

const L = 'https://hotline.example/v1/analysis/cases?from=2026-03-01&to=2026-03-31';
const change = (from: string, to: string, count: number, delta: number, ratio: number | null) => ({ from, to, count, delta, ratio });

/** A monthly report with every section: two categories and "other", three months, two communities, one group, one overdue unit. */
const figures: ReportFigures = {
  kind: 'monthly',
  title: '临江市人民政府 2026年3月 12345热线月度分析报告',
  period: '2026-03',
  days: { from: '2026-03-01', to: '2026-03-31' },
  scope: { unitId: null, name: '临江市人民政府' },
  generatedAt: '2026-04-01T00:30:00.000Z',
  analysisPolicyVersion: 3,
  volume: { count: 1234, cases: L, previous: change('2026-02-01', '2026-02-28', 1000, 234, 0.234), yearAgo: change('2025-03-01', '2025-03-31', 1300, -66, -66 / 1300) },
  categories: {
    level: 1,
    total: 1234,
    top: [
      { categoryId: 'property', name: '物业管理', count: 700, shareBp: 5673, cases: `${L}&categoryId=property` },
      { categoryId: 'env', name: '环境污染', count: 400, shareBp: 3241, cases: `${L}&categoryId=env` },
    ],
    other: { categories: 3, count: 134, shareBp: 1086 },
    topShareBp: 8914,
  },
  byDay: Array.from({ length: 31 }, (_, i) => ({ day: `2026-03-${String(i + 1).padStart(2, '0')}`, count: 30 + (i % 7), cases: `${L}&d=${i}` })),
  months: [
    { month: '2026-01', count: 1100, previous: 990, previousRatio: 0.1111, yearAgo: 1000, yearAgoRatio: 0.1, cases: `${L}&m=1` },
    { month: '2026-02', count: 1000, previous: 1100, previousRatio: -0.0909, yearAgo: 950, yearAgoRatio: 0.0526, cases: `${L}&m=2` },
    { month: '2026-03', count: 1234, previous: 1000, previousRatio: 0.234, yearAgo: 1300, yearAgoRatio: -0.0508, cases: `${L}&m=3` },
  ],
  hotspots: {
    communities: [
      { unitId: 'd01-s01-c01', name: '桂花社区', count: 88, cases: `${L}&placeUnitId=d01-s01-c01` },
      { unitId: 'd01-s01-c02', name: '荷花社区', count: 61, cases: `${L}&placeUnitId=d01-s01-c02` },
    ],
    unplaced: 17,
    cells: [{ cell: 'wx4g0ec', count: 9, centre: { lat: 39.90872, lng: 116.39751 }, cases: `${L}&cell=wx4g0ec` }],
    precision: 7,
    unlocated: 1100,
  },
  groupComplaints: [{ id: 'g1', categoryName: '电梯维保', place: '桂花社区第一网格', complainants: 6, cases: 7, detectedAt: '2026-03-12T02:00:00.000Z', casesLink: `${L}&caseIds=HL1` }],
  overdue: {
    asOf: '2026-04-01T00:30:00.000Z',
    overdue: 5,
    red: 3,
    overdueCases: 'https://hotline.example/v1/cases?overdue=true',
    redCases: 'https://hotline.example/v1/cases?warningLevel=red',
    units: [{ unitId: 'd01-s01', name: '江城区城关街道办事处', overdue: 5, red: 3, overdueCases: 'https://hotline.example/v1/cases?overdue=true&unitId=d01-s01', redCases: 'https://hotline.example/v1/cases?warningLevel=red&unitId=d01-s01' }],
  },
  callbacks: {
    counts: { valid: 900, contacted: 880, resolved: 810, satisfied: 700, basically_satisfied: 120, unsatisfied: 80 },
    responseRate: { value: 880 / 900, numerator: 880, denominator: 900 },
    resolutionRate: { value: 0.9, numerator: 810, denominator: 900 },
    satisfactionRate: { value: 0.8444, numerator: 760, denominator: 900 },
    assessmentPolicyVersion: 2,
    cases: 'https://hotline.example/v1/assessment/cases?unitId=city',
    unresolvedCases: 'https://hotline.example/v1/assessment/cases?unitId=city&missed=true',
  },
  communities: [
    { unitId: 'd01-s01-c01', name: '桂花社区', street: '城关街道', received: 88, valid: 60, resolutionRate: 0.95, satisfactionRate: 0.9, cases: `${L}&placeUnitId=d01-s01-c01` },
    { unitId: 'd01-s01-c03', name: '竹园社区', street: '城关街道', received: 0, valid: 0, resolutionRate: null, satisfactionRate: null, cases: `${L}&placeUnitId=d01-s01-c03` },
  ],
  rankings: [
    {
      level: 'street',
      title: '街道（乡镇）排名（2026-03，考核政策第 2 版）',
      periodKind: 'month',
      period: '2026-03',
      link: 'https://hotline.example/v1/rankings?level=street&periodKind=month&period=2026-03',
      rows: [
        { rank: 1, unitId: 'd01-s01', name: '城关街道', score: 0.9312, responseRate: 0.98, resolutionRate: 0.95, satisfactionRate: 0.9, valid: 60, flagged: false, change: 2 },
        { rank: null, unitId: 'd01-s02', name: '滨江街道', score: null, responseRate: null, resolutionRate: null, satisfactionRate: null, valid: 3, flagged: false, change: null },
      ],
    },
  ],
};

const OFFSET = 480;

/** The chart parts of a package, in order (chart1, chart2 …), each as its categories and values. */
function charts(files: Map<string, Buffer>): Array<{ type: string; categories: string[]; values: number[] }> {
  return [...files.keys()]
    .filter((p) => /^word\/charts\/chart\d+\.xml$/.test(p))
    .sort((a, b) => Number(a.match(/(\d+)\.xml$/)![1]) - Number(b.match(/(\d+)\.xml$/)![1]))
    .map((p) => {
      const xml = files.get(p)!.toString('utf8');
      const cache = (tag: string) => {
        const block = xml.match(new RegExp(`<c:${tag}>[\\s\\S]*?</c:${tag}>`))?.[0] ?? '';
        return [...block.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => decodeXml(m[1]!));
      };
      return { type: xml.match(/<c:(barChart|lineChart|pieChart)>/)![1]!, categories: cache('cat'), values: cache('val').map(Number) };
    });
}

describe('the report as a Word document', () => {
  it('carries the title, the headings in the HTML’s order, the tables’ figures and links to the cases', async () => {
    const files = unzip(await reportDocx(figures, OFFSET));
    const xml = files.get('word/document.xml')!.toString('utf8');
    const text = paragraphsOf(xml);
    expect(text[0]).toBe(figures.title);
    expect(text[1]).toBe('月度分析报告 · 统计期间 2026年3月1日 至 2026年3月31日 · 范围 临江市人民政府 · 生成于 2026-04-01 08:30');
    const headings = text.filter((t) => /^[一二三四五六七八九十]+、/.test(t));
    // The HTML's headings, in its order.
    const html = reportHtml(figures, OFFSET);
    const htmlHeadings = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => decodeXml(m[1]!));
    expect(headings).toEqual(htmlHeadings);
    expect(headings).toEqual([
      '一、诉求总量',
      '二、诉求分类',
      '三、月度趋势',
      '四、热点区域',
      '五、群体诉求',
      '六、超期与红灯工单',
      '七、回访结果',
      '八、社区（村）情况',
      '九、街道（乡镇）排名（2026-03，考核政策第 2 版）',
    ]);
    // Headings are Word headings (the navigation pane lists them).
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(9);
    // The sentences and the tables' figures.
    expect(text).toContain('本月共受理诉求 1234 件。上期（2月1日至2月28日）1000 件，增加 234 件（+23.4%）；去年同期（3月1日至3月31日）1300 件，减少 66 件（-5.1%）。');
    expect(text).toContain('前 2 类诉求合计占 89.14%。');
    const cells = text.join('|');
    expect(cells).toContain('1|物业管理|700|56.73%|2|环境污染|400|32.41%|其他（3 类）|134|10.86%|合计|1234|100.00%');
    expect(cells).toContain('2026-03|1234|1000|+23.4%|1300|-5.1%');
    expect(cells).toContain('电梯维保|桂花社区第一网格|6|7|2026-03-12 10:00');
    expect(cells).toContain('响应率|解决率|满意率|97.78%（880/900）|90.00%（810/900）|84.44%（760/900）');
    expect(cells).toContain('1|城关街道|0.9312|98.00%|95.00%|90.00%|60|+2|未排名|滨江街道|—');
    // Only the communities with complaints or callbacks, as the HTML lists them.
    expect(cells).toContain('桂花社区|城关街道|88|60|95.00%|90.00%');
    expect(cells).not.toContain('竹园社区');
    expect(text.at(-2)!.startsWith('说明：诉求量按诉求受理时间')).toBe(true);
    expect(text.at(-1)).toBe('分析政策第 3 版 · 期间标识 2026-03');
    // Figures link to the cases behind them (external relationships of the document).
    const rels = files.get('word/_rels/document.xml.rels')!.toString('utf8');
    const targets = [...rels.matchAll(/Target="([^"]*)" TargetMode="External"/g)].map((m) => decodeXml(m[1]!));
    expect(targets).toEqual(expect.arrayContaining([L, `${L}&categoryId=property`, `${L}&m=3`, 'https://hotline.example/v1/cases?overdue=true&unitId=d01-s01', figures.rankings[0]!.link]));
    for (const id of [...xml.matchAll(/<w:hyperlink r:id="([^"]+)"/g)].map((m) => m[1]!)) expect(rels).toContain(`Id="${id}"`);
  });

  it('draws each chart in Word from the figures: the days, the categories, the months, the communities, the overdue units', async () => {
    const files = unzip(await reportDocx(figures, OFFSET));
    const found = charts(files);
    expect(found.map((c) => c.type)).toEqual(['barChart', 'pieChart', 'lineChart', 'barChart', 'barChart']);
    const [days, pie, months, communities, overdue] = found as [(typeof found)[0], (typeof found)[0], (typeof found)[0], (typeof found)[0], (typeof found)[0]];
    expect(days.categories).toEqual(figures.byDay.map((d) => d.day.slice(5)));
    expect(days.values).toEqual(figures.byDay.map((d) => d.count));
    expect(pie).toMatchObject({ categories: ['物业管理', '环境污染', '其他'], values: [700, 400, 134] });
    expect(months).toMatchObject({ categories: ['2026-01', '2026-02', '2026-03'], values: [1100, 1000, 1234] });
    expect(communities).toMatchObject({ categories: ['桂花社区', '荷花社区'], values: [88, 61] });
    expect(overdue).toMatchObject({ categories: ['江城区城关街道办事处'], values: [5] });
    // Each chart is in the document, and its data in a workbook Word's "Edit Data" opens.
    expect(files.get('word/document.xml')!.toString('utf8').match(/<c:chart [^>]*r:id=/g)).toHaveLength(5);
    expect([...files.keys()].filter((p) => /^word\/embeddings\/.*\.xlsx$/.test(p))).toHaveLength(5);
    expect(files.get('[Content_Types].xml')!.toString('utf8')).toContain('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
    // Every part is well-formed XML.
    for (const [p, data] of files) if (/\.(xml|rels)$/.test(p)) expect(XMLValidator.validate(data.toString('utf8')), p).toBe(true);
  });

  it('the same figures make the same document; it was created when the report was generated', async () => {
    const [a, b] = [unzip(await reportDocx(figures, OFFSET)), unzip(await reportDocx(figures, OFFSET))];
    // Relationship ids of links and drawing ids are made per rendering; everything the reader sees is the same.
    const normal = (files: Map<string, Buffer>, p: string) =>
      files.get(p)!.toString('utf8').replace(/r:id="[^"]*"/g, 'r:id=""').replace(/Id="[^"]*"/g, 'Id=""').replace(/<wp:docPr id="\d+"/g, '<wp:docPr id=""');
    for (const p of ['word/document.xml', 'word/charts/chart1.xml', 'word/charts/chart2.xml', 'word/styles.xml', 'docProps/core.xml']) expect(normal(a, p), p).toBe(normal(b, p));
    const core = a.get('docProps/core.xml')!.toString('utf8');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-04-01T00:30:00Z</dcterms:created>');
    expect(core).toContain(`<dc:title>${figures.title}</dc:title>`);
  });

  it('a daily notice without callbacks, months or rankings, and a period without complaints', async () => {
    const empty: ReportFigures = {
      ...figures,
      kind: 'daily',
      period: '2026-03-31',
      days: { from: '2026-03-31', to: '2026-03-31' },
      volume: { ...figures.volume, count: 0 },
      categories: { level: 1, total: 0, top: [], other: null, topShareBp: 0 },
      byDay: figures.byDay.slice(-7).map((d) => ({ ...d, count: 0 })),
      months: [],
      hotspots: { communities: [], unplaced: 0, cells: [], precision: 7, unlocated: 0 },
      groupComplaints: [],
      overdue: { ...figures.overdue, overdue: 0, red: 0, units: [] },
      callbacks: null,
      communities: [],
      rankings: [],
    };
    const files = unzip(await reportDocx(empty, OFFSET));
    const text = paragraphsOf(files.get('word/document.xml')!.toString('utf8'));
    expect(text.filter((t) => /^[一二三四五六七八九十]+、/.test(t))).toEqual(['一、诉求总量', '二、诉求分类', '三、热点区域', '四、群体诉求', '五、超期与红灯工单']);
    for (const none of ['本期无诉求。', '本期无落到社区的诉求。', '本期未发现群体诉求。', '无超期或红灯工单。']) expect(text).toContain(none);
    // One chart: the seven days (no pie of nothing, no bars of no unit).
    expect(charts(files).map((c) => [c.type, c.values.length])).toEqual([['barChart', 7]]);
  });
});
