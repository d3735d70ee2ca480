/**
 * A report as a Word document (.docx): the same contents as its HTML (reports/html.ts) — the title and the line under
 * it, the key figures, each numbered section with its paragraph, chart and table, and the note at the foot — for the
 * readers who edit a report before it is forwarded (a district's office adds its own remarks) or file it as a document.
 *
 * **Charts** are Word's own (`docx/charts` `ChartRun`: a chart part, `word/charts/chartN.xml`, with its data in an
 * embedded workbook), drawn by Word, WPS or LibreOffice from the figures, as a chart made with Insert Chart is: no
 * picture of a chart, so no rasteriser is needed (the HTML's are ECharts' SVG, which Word takes only with a PNG
 * fallback, and nothing here draws PNG). The reader can restyle one or open its data with "Edit Data". Every figure
 * of a chart is also in the table under it, as in the HTML.
 *
 * **Made on download** from the figures stored with the report (`reports.figures`) and the calendar's offset: the
 * same figures make the same document (text, tables, charts' data; the document's created and modified times are the
 * report's generation time), so nothing is stored twice. What differs between two downloads of one report is only
 * what Word never shows: the zip entries' timestamps, the relationship ids of the links and the charts' drawing ids.
 *
 * Links: every figure the HTML links to the cases behind it is a hyperlink here too (REPORT_LINK_BASE; opening one
 * needs the reader's sign-in).
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { ChartRun, type ChartRunOptions } from 'docx/charts';
import { KIND_TITLES, type RateFigure, type ReportFigures } from './figures.js';
import { changeText, local, percent, percentOfBp, REPORT_NOTE, signed, signedPercent, zhDate } from './html.js';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FONT = { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'Microsoft YaHei', cs: 'Calibri' };
const LINK_COLOR = '1F4F99';
const GREY = '5B6673';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'CFD8E3' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
/** A chart's size in pixels: the A4 page's text width (about 182 mm) at Word's 96 dpi is 688 px. */
const CHART_WIDTH = 640;

/** A cell's or a sentence's content: text, or text linked to the cases behind it. */
type Part = string | { text: string | number; link: string };

const run = (text: string, o: { bold?: boolean; size?: number; color?: string } = {}) => new TextRun({ text, ...o });
function runs(parts: readonly Part[], o: { bold?: boolean; size?: number; color?: string } = {}): ParagraphChild[] {
  return parts.map((p) =>
    typeof p === 'string' ? run(p, o) : new ExternalHyperlink({ link: p.link, children: [run(String(p.text), { ...o, color: LINK_COLOR })] }),
  );
}

const para = (parts: readonly Part[], o: { small?: boolean; align?: 'center' } = {}) =>
  new Paragraph({
    children: runs(parts, o.small ? { size: 17, color: GREY } : {}),
    ...(o.align === 'center' && { alignment: AlignmentType.CENTER }),
    spacing: { after: 120 },
  });

function table(head: readonly string[], rows: ReadonlyArray<readonly Part[]>, numeric: readonly number[] = []): Table {
  const cell = (content: Part, i: number, header: boolean) =>
    new TableCell({
      children: [new Paragraph({ children: runs([content], { size: 19, ...(header && { bold: true }) }), alignment: numeric.includes(i) ? AlignmentType.RIGHT : AlignmentType.LEFT })],
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(header && { shading: { type: ShadingType.CLEAR, fill: 'EEF3F9', color: 'auto' } }),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

/** A chart in a paragraph of its own, centred. */
function chart(options: ChartRunOptions): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, keepNext: false, spacing: { before: 60, after: 60 }, children: [new ChartRun(options)] });
}

const chartBase = { legend: false as const, font: { name: 'Calibri' }, chartArea: { border: 'none' as const } };

function columnChart(labels: readonly string[], values: readonly number[], name: string): Paragraph {
  return chart({
    type: 'column',
    ...chartBase,
    categories: [...labels],
    series: [{ name, values: [...values], color: '3B6FB6' }],
    dataLabels: { value: true, position: 'outsideEnd' },
    categoryAxis: labels.length > 8 ? { labelRotation: -45 } : {},
    valueAxis: { minimum: 0 },
    transformation: { width: CHART_WIDTH, height: 300 },
  });
}

/** Horizontal bars, the first label on top (Word puts a bar chart's first category at the bottom: reversed). */
function barChart(labels: readonly string[], values: readonly number[], name: string): Paragraph {
  return chart({
    type: 'bar',
    ...chartBase,
    categories: [...labels],
    series: [{ name, values: [...values], color: '3B6FB6' }],
    dataLabels: { value: true, position: 'outsideEnd' },
    categoryAxis: { reverseOrder: true },
    valueAxis: { minimum: 0 },
    transformation: { width: CHART_WIDTH, height: Math.max(160, 40 + labels.length * 30) },
  });
}

function pieChart(labels: readonly string[], values: readonly number[]): Paragraph {
  return chart({
    type: 'pie',
    ...chartBase,
    legend: { position: 'right' },
    categories: [...labels],
    series: [{ name: '件数', values: [...values] }],
    dataLabels: { category: true, value: true, percentage: true, position: 'bestFit' },
    transformation: { width: CHART_WIDTH, height: 340 },
  });
}

function lineChart(labels: readonly string[], values: readonly number[], name: string): Paragraph {
  return chart({
    type: 'line',
    ...chartBase,
    markers: true,
    categories: [...labels],
    series: [{ name, values: [...values], color: '3B6FB6' }],
    ...(labels.length <= 31 && { dataLabels: { value: true, position: 'above' as const } }),
    categoryAxis: labels.length > 12 ? { labelRotation: -45 } : {},
    valueAxis: { minimum: 0 },
    transformation: { width: CHART_WIDTH, height: 300 },
  });
}

const rateText = (r: RateFigure) => `${percent(r.value)}（${Number(r.numerator.toFixed(4))}/${r.denominator}）`;

/** The document's core properties: its title, and the report's generation time as its created and modified times. */
function coreXml(f: ReportFigures): string {
  const x = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const at = `${f.generatedAt.slice(0, 19)}Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${x(f.title)}</dc:title><dc:subject>${x(KIND_TITLES[f.kind])}</dc:subject><dc:creator>hotline reports</dc:creator><dc:language>zh-CN</dc:language>` +
    `<cp:keywords>${x(`${f.kind} ${f.period} ${f.scope.unitId ?? 'city'}`)}</cp:keywords>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** The report's body, in the HTML's order: each section a heading, its words, its chart and its table. */
function body(f: ReportFigures, offsetMinutes: number): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
  let no = 0;
  const heading = (title: string) => out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [run(`${numerals[no++]}、${title}`)] }));
  const none = (text: string) => out.push(para([text], { small: true }));

  out.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [run(f.title)] }));
  out.push(
    para(
      [
        `${KIND_TITLES[f.kind]} · 统计期间 ${zhDate(f.days.from)}${f.days.from === f.days.to ? '' : ` 至 ${zhDate(f.days.to)}`} · 范围 ${f.scope.name} · 生成于 ${local(f.generatedAt, offsetMinutes)}`,
      ],
      { small: true, align: 'center' },
    ),
  );

  // Key figures: the HTML's cards, as one table.
  const cards: Array<[string, Part]> = [
    ['受理诉求', { text: f.volume.count, link: f.volume.cases }],
    ['环比', signedPercent(f.volume.previous.ratio)],
    ['同比', signedPercent(f.volume.yearAgo.ratio)],
    ['当前超期', { text: f.overdue.overdue, link: f.overdue.overdueCases }],
    ['当前红灯', { text: f.overdue.red, link: f.overdue.redCases }],
    ['群体诉求', String(f.groupComplaints.length)],
  ];
  if (f.callbacks) cards.push(['解决率', percent(f.callbacks.resolutionRate.value)], ['满意率', percent(f.callbacks.satisfactionRate.value)]);
  out.push(table(cards.map(([k]) => k), [cards.map(([, v]) => v)]));

  // Volume.
  const periodWord = f.kind === 'daily' ? '当日' : f.kind === 'weekly' ? '本周' : '本月';
  heading('诉求总量');
  out.push(para([`${periodWord}共受理诉求 `, { text: f.volume.count, link: f.volume.cases }, ` 件。${changeText(f.volume.previous, '上期')}；${changeText(f.volume.yearAgo, '去年同期')}。`]));
  out.push(columnChart(f.byDay.map((d) => d.day.slice(5)), f.byDay.map((d) => d.count), '受理量'));
  if (f.byDay.length <= 7) out.push(table(['日期', '受理量'], f.byDay.map((d) => [zhDate(d.day), { text: d.count, link: d.cases }]), [1]));
  else none('每日受理量见 Excel 附表“日趋势”（每日一行，附工单清单链接）。');

  // Categories.
  const cats = f.categories;
  heading('诉求分类');
  if (cats.total === 0) none('本期无诉求。');
  else {
    out.push(para([`前 ${cats.top.length} 类诉求合计占 ${percentOfBp(cats.topShareBp)}。`]));
    out.push(pieChart([...cats.top.map((r) => r.name), ...(cats.other ? ['其他'] : [])], [...cats.top.map((r) => r.count), ...(cats.other ? [cats.other.count] : [])]));
  }
  out.push(
    table(
      ['排序', '类别', '件数', '占比'],
      [
        ...cats.top.map((r, i): Part[] => [String(i + 1), r.name, { text: r.count, link: r.cases }, percentOfBp(r.shareBp)]),
        ...(cats.other ? [['', `其他（${cats.other.categories} 类）`, String(cats.other.count), percentOfBp(cats.other.shareBp)]] : []),
        ['', '合计', String(cats.total), cats.total ? '100.00%' : '—'],
      ],
      [0, 2, 3],
    ),
  );

  // Months (monthly).
  if (f.months.length) {
    heading('月度趋势');
    out.push(lineChart(f.months.map((m) => m.month), f.months.map((m) => m.count), '受理量'));
    out.push(
      table(
        ['月份', '受理量', '上月', '环比', '去年同月', '同比'],
        f.months.map((m) => [m.month, { text: m.count, link: m.cases }, String(m.previous), signedPercent(m.previousRatio), String(m.yearAgo), signedPercent(m.yearAgoRatio)]),
        [1, 2, 3, 4, 5],
      ),
    );
  }

  // Hot spots.
  const hot = f.hotspots;
  heading('热点区域');
  if (hot.communities.length) {
    out.push(barChart(hot.communities.map((r) => r.name), hot.communities.map((r) => r.count), '诉求量'));
    out.push(table(['排序', '社区（村）', '诉求量'], hot.communities.map((r, i) => [String(i + 1), r.name, { text: r.count, link: r.cases }]), [0, 2]));
  } else none('本期无落到社区的诉求。');
  none(`未落到社区的诉求 ${hot.unplaced} 件。`);
  if (f.kind === 'monthly' && hot.cells.length) {
    out.push(para([`按坐标网格（geohash ${hot.precision} 位）统计的热点：`]));
    out.push(table(['网格', '中心坐标', '诉求量'], hot.cells.map((r) => [r.cell, `${r.centre.lat.toFixed(5)}, ${r.centre.lng.toFixed(5)}`, { text: r.count, link: r.cases }]), [2]));
    none(`无坐标的诉求 ${hot.unlocated} 件。`);
  }

  // Group complaints.
  heading('群体诉求');
  if (f.groupComplaints.length) {
    out.push(
      table(
        ['类别', '地点', '诉求人数', '件数', '发现时间'],
        f.groupComplaints.map((g) => [g.categoryName, g.place, String(g.complainants), { text: g.cases, link: g.casesLink }, local(g.detectedAt, offsetMinutes)]),
        [2, 3],
      ),
    );
  } else none('本期未发现群体诉求。');

  // Overdue and red.
  const od = f.overdue;
  heading('超期与红灯工单');
  out.push(para([`截至 ${local(od.asOf, offsetMinutes)}，在办工单中超期 `, { text: od.overdue, link: od.overdueCases }, ' 件、红灯 ', { text: od.red, link: od.redCases }, ' 件。']));
  if (od.units.length) {
    out.push(barChart(od.units.map((u) => u.name), od.units.map((u) => u.overdue), '超期'));
    out.push(table(['单位', '超期', '红灯'], od.units.map((u) => [u.name, { text: u.overdue, link: u.overdueCases }, { text: u.red, link: u.redCases }]), [1, 2]));
  } else none('无超期或红灯工单。');

  // Callbacks (weekly, monthly).
  if (f.callbacks) {
    const c = f.callbacks;
    heading('回访结果');
    out.push(
      table(
        ['有效回访', '已联系', '已解决', '满意', '基本满意', '不满意'],
        [[{ text: c.counts.valid, link: c.cases }, String(c.counts.contacted), { text: c.counts.resolved, link: c.unresolvedCases }, String(c.counts.satisfied), String(c.counts.basically_satisfied), String(c.counts.unsatisfied)]],
        [0, 1, 2, 3, 4, 5],
      ),
    );
    out.push(table(['响应率', '解决率', '满意率'], [[rateText(c.responseRate), rateText(c.resolutionRate), rateText(c.satisfactionRate)]], [0, 1, 2]));
    none(`按考核政策第 ${c.assessmentPolicyVersion} 版计算；“已解决”链接列出有效回访中未解决的工单。`);
  }

  // Communities (monthly).
  if (f.communities.length) {
    const shown = f.communities.filter((r) => r.received > 0 || r.valid > 0).slice(0, 30);
    heading('社区（村）情况');
    out.push(
      table(
        ['社区（村）', '街道（乡镇）', '诉求量', '有效回访', '解决率', '满意率'],
        shown.map((r) => [r.name, r.street, { text: r.received, link: r.cases }, String(r.valid), percent(r.resolutionRate), percent(r.satisfactionRate)]),
        [2, 3, 4, 5],
      ),
    );
    none(`列出本期有诉求或回访的社区（村）${shown.length} 个（按诉求量，至多 30 个）；全部 ${f.communities.length} 个见 Excel 附表“社区”。`);
  }

  // Rankings (monthly).
  for (const r of f.rankings) {
    heading(r.title);
    out.push(
      table(
        ['名次', '单位', '综合得分', '响应率', '解决率', '满意率', '有效回访', '名次变化'],
        r.rows.map((row) => [
          row.rank === null ? '未排名' : String(row.rank),
          `${row.name}${row.flagged ? '（末位）' : ''}`,
          row.score === null ? '—' : row.score.toFixed(4),
          percent(row.responseRate),
          percent(row.resolutionRate),
          percent(row.satisfactionRate),
          String(row.valid),
          row.change === null ? '—' : signed(row.change),
        ]),
        [0, 2, 3, 4, 5, 6, 7],
      ),
    );
    out.push(para([{ text: '排名详情', link: r.link }], { small: true }));
  }

  out.push(new Paragraph({ border: { top: { style: BorderStyle.SINGLE, size: 4, color: 'CFD8E3', space: 4 } }, spacing: { before: 360 }, children: runs([REPORT_NOTE], { size: 17, color: GREY }) }));
  out.push(para([`分析政策第 ${f.analysisPolicyVersion} 版 · 期间标识 ${f.period}`], { small: true }));
  return out;
}

/** The report as a .docx file: the same figures make the same document (see the top of this file). */
export async function reportDocx(f: ReportFigures, offsetMinutes: number): Promise<Buffer> {
  const doc = new Document({
    title: f.title,
    subject: KIND_TITLES[f.kind],
    creator: 'hotline reports',
    theme: { fonts: { headings: { latin: 'Calibri Light', eastAsia: 'Microsoft YaHei' }, body: { latin: 'Calibri', eastAsia: 'Microsoft YaHei' } } },
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, language: { value: 'zh-CN', eastAsia: 'zh-CN' } }, paragraph: { spacing: { line: 300 } } },
        title: { run: { font: FONT, size: 36, bold: true, color: '1D2733' }, paragraph: { spacing: { after: 80 } } },
        heading1: { run: { font: FONT, size: 26, bold: true, color: '1F3B73' }, paragraph: { spacing: { before: 320, after: 120 } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: convertMillimetersToTwip(16), bottom: convertMillimetersToTwip(18), left: convertMillimetersToTwip(14), right: convertMillimetersToTwip(14) } } },
        children: body(f, offsetMinutes),
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(f) }]);
}
