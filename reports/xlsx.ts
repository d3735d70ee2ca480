/**
 * A report as an XLSX workbook: the figures behind every chart and table of its HTML, one sheet each, with the link to
 * the cases behind each figure beside it, and a sheet 说明 About saying what the report is (kind, period, scope, when
 * it was made, the policy versions). Made with the assessment's export helpers (api/assessment.export.ts `xlsxFile`:
 * frozen headers, number formats per column, text that a spreadsheet would run as a formula neutralised).
 */
import { xlsxFile, type About, type Cell, type Column } from '../api/assessment.export.js';
import { KIND_TITLES, type ReportFigures } from './figures.js';

type Sheet = [string, { columns: Column[]; rows: Cell[][] }];
const col = (header: string, kind: Column['kind'] = 'text'): Column => ({ header, kind });
const LINK = col('案件清单 Cases (link)');

export async function reportXlsx(f: ReportFigures): Promise<Buffer> {
  const about: About = [
    ['报告 Report', f.title],
    ['类型 Kind', `${KIND_TITLES[f.kind]} (${f.kind})`],
    ['期间 Period', f.period],
    ['起止日期 Days', `${f.days.from} – ${f.days.to}`],
    ['范围 Scope', `${f.scope.name}${f.scope.unitId ? ` (${f.scope.unitId})` : ''}`],
    ['生成时间 Generated at', f.generatedAt],
    ['分析政策版本 Analysis policy version', f.analysisPolicyVersion],
    ['受理量 Received', f.volume.count],
    ['上期 Previous period', `${f.volume.previous.from} – ${f.volume.previous.to}: ${f.volume.previous.count}`],
    ['去年同期 A year before', `${f.volume.yearAgo.from} – ${f.volume.yearAgo.to}: ${f.volume.yearAgo.count}`],
    ['统计口径 How counted', '诉求按受理时间的本地日期计数（含未派单直接答复的诉求）; counted by the local day received, every complaint'],
    ['占比 Shares', '万分比取整，合计 10000; basis points by the largest remainder, adding up to 10,000'],
  ];
  const sheets: Sheet[] = [
    [
      '总量 Volume',
      {
        columns: [col('期间 Period'), col('起 From'), col('止 To'), col('受理量 Received', 'int'), col('增减 Change', 'int'), col('变化率 Ratio', 'rate'), LINK],
        rows: [
          ['本期 This period', f.days.from, f.days.to, f.volume.count, null, null, f.volume.cases],
          ['上期 Previous', f.volume.previous.from, f.volume.previous.to, f.volume.previous.count, f.volume.previous.delta, f.volume.previous.ratio, null],
          ['去年同期 A year before', f.volume.yearAgo.from, f.volume.yearAgo.to, f.volume.yearAgo.count, f.volume.yearAgo.delta, f.volume.yearAgo.ratio, null],
        ],
      },
    ],
    ['日趋势 By day', { columns: [col('日期 Day'), col('受理量 Received', 'int'), LINK], rows: f.byDay.map((d) => [d.day, d.count, d.cases]) }],
    [
      '分类 Categories',
      {
        columns: [col('排序 Rank', 'int'), col('类别编号 Category id'), col('类别 Category'), col('件数 Count', 'int'), col('占比 Share', 'rate'), col('万分比 Basis points', 'int'), LINK],
        rows: [
          ...f.categories.top.map((r, i): Cell[] => [i + 1, r.categoryId, r.name, r.count, r.shareBp / 10_000, r.shareBp, r.cases]),
          ...(f.categories.other ? [[null, null, `其他 Other (${f.categories.other.categories})`, f.categories.other.count, f.categories.other.shareBp / 10_000, f.categories.other.shareBp, null] as Cell[]] : []),
          [null, null, '合计 Total', f.categories.total, f.categories.total ? 1 : null, f.categories.total ? 10_000 : null, null],
        ],
      },
    ],
  ];
  if (f.months.length) {
    sheets.push([
      '月趋势 By month',
      {
        columns: [col('月份 Month'), col('受理量 Received', 'int'), col('上月 Month before', 'int'), col('环比 MoM', 'rate'), col('去年同月 Year before', 'int'), col('同比 YoY', 'rate'), LINK],
        rows: f.months.map((m) => [m.month, m.count, m.previous, m.previousRatio, m.yearAgo, m.yearAgoRatio, m.cases]),
      },
    ]);
  }
  sheets.push(
    ['热点社区 Communities', { columns: [col('社区编号 Unit id'), col('社区 Community'), col('诉求量 Count', 'int'), LINK], rows: [...f.hotspots.communities.map((r) => [r.unitId, r.name, r.count, r.cases]), [null, '未落到社区 Not placed', f.hotspots.unplaced, null]] }],
    [
      '坐标热点 Cells',
      {
        columns: [col('网格 Geohash'), col('纬度 Lat', 'score'), col('经度 Lng', 'score'), col('诉求量 Count', 'int'), LINK],
        rows: [...f.hotspots.cells.map((r) => [r.cell, r.centre.lat, r.centre.lng, r.count, r.cases]), [`无坐标 No coordinates (precision ${f.hotspots.precision})`, null, null, f.hotspots.unlocated, null]],
      },
    ],
    [
      '群体诉求 Group complaints',
      {
        columns: [col('类别 Category'), col('地点 Place'), col('诉求人数 Complainants', 'int'), col('件数 Cases', 'int'), col('发现时间 Detected at'), LINK],
        rows: f.groupComplaints.map((g) => [g.categoryName, g.place, g.complainants, g.cases, g.detectedAt, g.casesLink]),
      },
    ],
    [
      '超期 Overdue',
      {
        columns: [col('单位编号 Unit id'), col('单位 Unit'), col('超期 Overdue', 'int'), col('红灯 Red', 'int'), col('超期清单 Overdue cases (link)'), col('红灯清单 Red cases (link)')],
        rows: [...f.overdue.units.map((u) => [u.unitId, u.name, u.overdue, u.red, u.overdueCases, u.redCases]), [null, `合计 Total (as of ${f.overdue.asOf})`, f.overdue.overdue, f.overdue.red, f.overdue.overdueCases, f.overdue.redCases]],
      },
    ],
  );
  if (f.callbacks) {
    const c = f.callbacks;
    sheets.push([
      '回访 Callbacks',
      {
        columns: [col('项目 Item'), col('数值 Value', 'score'), col('分子 Numerator', 'score'), col('分母 Denominator', 'int'), LINK],
        rows: [
          ['有效回访 Valid callbacks', c.counts.valid, null, null, c.cases],
          ['已联系 Contacted', c.counts.contacted, null, null, null],
          ['已解决 Resolved', c.counts.resolved, null, null, c.unresolvedCases],
          ['满意 Satisfied', c.counts.satisfied, null, null, null],
          ['基本满意 Basically satisfied', c.counts.basically_satisfied, null, null, null],
          ['不满意 Unsatisfied', c.counts.unsatisfied, null, null, null],
          ['响应率 Response rate', c.responseRate.value, c.responseRate.numerator, c.responseRate.denominator, null],
          ['解决率 Resolution rate', c.resolutionRate.value, c.resolutionRate.numerator, c.resolutionRate.denominator, null],
          ['满意率 Satisfaction rate', c.satisfactionRate.value, c.satisfactionRate.numerator, c.satisfactionRate.denominator, null],
          [`考核政策版本 Assessment policy version ${c.assessmentPolicyVersion}`, null, null, null, null],
        ],
      },
    ]);
  }
  if (f.communities.length) {
    sheets.push([
      '社区 Communities',
      {
        columns: [col('社区编号 Unit id'), col('社区 Community'), col('街道 Street'), col('诉求量 Received', 'int'), col('有效回访 Valid', 'int'), col('解决率 Resolution', 'rate'), col('满意率 Satisfaction', 'rate'), LINK],
        rows: f.communities.map((r) => [r.unitId, r.name, r.street, r.received, r.valid, r.resolutionRate, r.satisfactionRate, r.cases]),
      },
    ]);
  }
  for (const r of f.rankings) {
    sheets.push([
      r.level === 'street' ? '街道排名 Streets' : '部门排名 Departments',
      {
        columns: [col('名次 Rank', 'int'), col('单位编号 Unit id'), col('单位 Unit'), col('综合得分 Score', 'score'), col('响应率 Response', 'rate'), col('解决率 Resolution', 'rate'), col('满意率 Satisfaction', 'rate'), col('有效回访 Valid', 'int'), col('末位 Flagged'), col('名次变化 Rank change', 'int')],
        rows: r.rows.map((x) => [x.rank, x.unitId, x.name, x.score, x.responseRate, x.resolutionRate, x.satisfactionRate, x.valid, x.flagged ? '是 yes' : '', x.change]),
      },
    ]);
    about.push([`排名 Ranking: ${r.level}`, `${r.title} ${r.link}`]);
  }
  return xlsxFile(about, sheets);
}
