/**
 * Rankings and unit figures as files a leader opens in Excel: CSV (UTF-8 with a BOM, so Excel reads the Chinese)
 * and XLSX (exceljs). Each file says what it is: the period and its days, the assessment policy version and its
 * numbers, and every formula in words (Chinese and English), the CSV in a header block above the table, the XLSX on a
 * sheet of its own. Headers are Chinese with the English beside them. The files hold what the JSON answer holds for
 * the same reader (a unit leader's export has only their rows): no personal data, no case numbers.
 */
import ExcelJS from 'exceljs';
import { COUNTERS } from '../domain/assessment.rules.js';
import { COUNTER_LABELS, FIGURE_LABELS, FIGURE_NAMES } from '../domain/assessment.figures.js';
import type { ExportFormat, PublicationView, RankingView, UnitFiguresView } from './assessment.schemas.js';

export const CONTENT_TYPES: Record<Exclude<ExportFormat, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ExportFile {
  contentType: string;
  filename: string;
  body: Buffer;
}

export type Cell = string | number | null;
export type Kind = 'text' | 'int' | 'rate' | 'score';
export interface Column {
  header: string;
  kind: Kind;
}

const BOM = '\uFEFF';
const bi = (l: { zh: string; en: string }) => `${l.zh} ${l.en}`;

/** Numbers as the JSON has them, without binary noise (0.792, not 0.7920000000000001). */
const clean = (v: number) => Number(v.toFixed(9));

/** A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with '. */
const safeText = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(clean(v)) : safeText(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (cells: readonly Cell[]) => cells.map(csvCell).join(',');

/** What a file says about itself: label → value lines (the CSV's header block, the XLSX's about sheet). */
export type About = Array<[string, Cell]>;

function aboutRanking(v: RankingView, publication?: Omit<PublicationView, 'ranking'>): About {
  const p = v.policy;
  const lines: About = [
    ['排名 Ranking', `${v.level}${v.within ? ` within ${v.within}` : ''}`],
    ['期间类型 Period kind', v.periodKind],
    ['期间 Period', v.period],
    ['起止日期 Days', `${v.days.from} – ${v.days.to}`],
    ['上期 Previous period', `${v.previous.period} (${v.previous.days.from} – ${v.previous.days.to})`],
    ['考核政策版本 Assessment policy version', v.policyVersion],
    ['权重 Weights', `响应 response ${p.weights.response} / 解决 resolution ${p.weights.resolution} / 满意 satisfaction ${p.weights.satisfaction}`],
    ['基本满意折算 Basically satisfied counts as', p.basicallySatisfiedFactor],
    ['最低有效回访 Minimum valid callbacks (else unranked)', p.ranking.minValidCallbacks],
    ['末位标记 Bottom flagged', p.ranking.bottomFlagged],
    ['考核月 Assessment month starts on day', p.assessmentMonth.startDay],
    ['指标范围 Figures cover', '本单位及下级单位 the unit and every unit below it'],
    ['排名单位 Units', `${v.peers.ranked} 排名 ranked, ${v.peers.unranked} 未排名 unranked${v.restricted ? '; 仅显示本单位 only your own units are shown' : ''}`],
    ['计算时间 Computed at', v.computedAt],
  ];
  if (publication) {
    lines.push(['发布编号 Publication id', publication.id], ['发布版本 Published version', publication.version], ['发布时间 Published at', publication.publishedAt]);
    if (publication.supersededBy !== null) lines.push(['已更正 Corrected by publication', publication.supersededBy]);
  }
  return [...lines, ...formulaLines(v), ...notReportedLines(v)];
}

const formulaLines = (v: Pick<RankingView, 'formulas'>): About => v.formulas.map((f) => [`公式 Formula: ${FIGURE_LABELS[f.figure].zh}`, `${f.zh} | ${f.en}`]);
const notReportedLines = (v: Pick<RankingView, 'notReported'>): About => v.notReported.map((n) => ['未报告 Not reported', `${n.zh}: ${n.en}`]);

function rankingTable(v: RankingView): { columns: Column[]; rows: Cell[][] } {
  const columns: Column[] = [
    { header: '排名 Rank', kind: 'int' },
    { header: '单位编号 Unit id', kind: 'text' },
    { header: '单位 Unit', kind: 'text' },
    { header: '末位 Flagged', kind: 'text' },
    { header: '未排名 Unranked', kind: 'text' },
    { header: '上期排名 Previous rank', kind: 'int' },
    { header: '名次变化 Rank change', kind: 'int' },
    { header: '上期得分 Previous score', kind: 'score' },
    { header: '得分变化 Score change', kind: 'score' },
    ...FIGURE_NAMES.flatMap((f): Column[] => [
      { header: bi(FIGURE_LABELS[f]), kind: f === 'compositeScore' ? 'score' : 'rate' },
      { header: `${FIGURE_LABELS[f].zh}分子 numerator`, kind: 'score' },
      { header: `${FIGURE_LABELS[f].zh}分母 denominator`, kind: 'int' },
    ]),
    ...COUNTERS.map((c): Column => ({ header: bi(COUNTER_LABELS[c]), kind: 'int' })),
  ];
  const rows = v.rows.map((r): Cell[] => [
    r.rank,
    r.unitId,
    r.unitName,
    r.flagged ? '是 yes' : '',
    r.unranked ? '有效回访不足 below minimum volume' : '',
    r.previousRank,
    r.change,
    r.previousScore,
    r.scoreChange,
    ...FIGURE_NAMES.flatMap((f) => [r.figures[f].value, r.figures[f].numerator, r.figures[f].denominator]),
    ...COUNTERS.map((c) => r.counts[c]),
  ]);
  return { columns, rows };
}

function figuresTable(v: UnitFiguresView): { columns: Column[]; rows: Cell[][] } {
  const columns: Column[] = [
    { header: '指标 Figure', kind: 'text' },
    { header: '本单位 Own', kind: 'rate' },
    { header: '本单位分子 Own numerator', kind: 'score' },
    { header: '本单位分母 Own denominator', kind: 'int' },
    { header: '含下级 Subtree', kind: 'rate' },
    { header: '含下级分子 Subtree numerator', kind: 'score' },
    { header: '含下级分母 Subtree denominator', kind: 'int' },
    { header: '公式 Formula', kind: 'text' },
  ];
  const rows = FIGURE_NAMES.map((f): Cell[] => {
    const own = v.own.figures[f];
    const sub = v.subtree.figures[f];
    const formula = v.formulas.find((x) => x.figure === f);
    return [bi(FIGURE_LABELS[f]), own.value, own.numerator, own.denominator, sub.value, sub.numerator, sub.denominator, formula ? `${formula.zh} | ${formula.en}` : null];
  });
  return { columns, rows };
}

function countsTable(v: UnitFiguresView): { columns: Column[]; rows: Cell[][] } {
  return {
    columns: [
      { header: '计数 Counter', kind: 'text' },
      { header: '编码 Code', kind: 'text' },
      { header: '本单位 Own', kind: 'int' },
      { header: '含下级 Subtree', kind: 'int' },
    ],
    rows: COUNTERS.map((c) => [bi(COUNTER_LABELS[c]), c, v.own.counts[c], v.subtree.counts[c]]),
  };
}

function aboutFigures(v: UnitFiguresView): About {
  return [
    ['单位 Unit', `${v.unit.name} (${v.unit.id}, ${v.unit.type})`],
    ['期间类型 Period kind', v.periodKind],
    ['期间 Period', v.period],
    ['起止日期 Days', `${v.days.from} – ${v.days.to}`],
    ['考核政策版本 Assessment policy version', v.policyVersion],
    ['下级单位数 Units in the subtree', v.subtree.units],
    ...formulaLines(v),
    ...notReportedLines(v),
  ];
}

function csvFile(about: About, tables: Array<{ columns: Column[]; rows: Cell[][] }>): Buffer {
  const lines = about.map(([k, v]) => csvLine([k, v]));
  for (const t of tables) lines.push('', csvLine(t.columns.map((c) => c.header)), ...t.rows.map(csvLine));
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

const NUMBER_FORMAT: Record<Kind, string | undefined> = { text: undefined, int: '0', rate: '0.00%', score: '0.0000' };

function addTable(wb: ExcelJS.Workbook, name: string, t: { columns: Column[]; rows: Cell[][] }): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.columns.map((c) => ({ header: c.header, width: Math.min(40, Math.max(10, c.header.length + 2)) }));
  ws.getRow(1).font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map((v) => (typeof v === 'string' ? safeText(v) : v)));
  t.columns.forEach((c, i) => {
    const fmt = NUMBER_FORMAT[c.kind];
    if (fmt) ws.getColumn(i + 1).eachCell((cell, row) => void (row > 1 && (cell.numFmt = fmt)));
  });
}

function addAbout(wb: ExcelJS.Workbook, about: About): void {
  const ws = wb.addWorksheet('说明 About');
  ws.columns = [
    { header: '项目 Item', width: 44 },
    { header: '内容 Value', width: 120 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const [k, v] of about) ws.addRow([k, typeof v === 'string' ? safeText(v) : v]);
}

/** A workbook: a sheet per table (frozen header, number formats per column kind) and the about sheet (also for reports/). */
export async function xlsxFile(about: About, sheets: Array<[string, { columns: Column[]; rows: Cell[][] }]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hotline';
  for (const [name, t] of sheets) addTable(wb, name, t);
  addAbout(wb, about);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const slug = (...parts: Array<string | number | null | undefined>) => parts.filter((p) => p !== null && p !== undefined && p !== '').join('-').replace(/[^A-Za-z0-9._-]/g, '_');

/** A ranking (live, or a publication's) as a file. */
export async function rankingFile(format: Exclude<ExportFormat, 'json'>, v: RankingView, publication?: Omit<PublicationView, 'ranking'>): Promise<ExportFile> {
  const about = aboutRanking(v, publication);
  const table = rankingTable(v);
  const name = slug('ranking', v.level, v.within, v.periodKind, v.period, publication ? `v${publication.version}` : null);
  return {
    contentType: CONTENT_TYPES[format],
    filename: `${name}.${format}`,
    body: format === 'csv' ? csvFile(about, [table]) : await xlsxFile(about, [['排名 Ranking', table]]),
  };
}

/** One unit's figures (own and subtree) and counters as a file. */
export async function unitFiguresFile(format: Exclude<ExportFormat, 'json'>, v: UnitFiguresView): Promise<ExportFile> {
  const about = aboutFigures(v);
  const figures = figuresTable(v);
  const counts = countsTable(v);
  return {
    contentType: CONTENT_TYPES[format],
    filename: `${slug('figures', v.unit.id, v.periodKind, v.period)}.${format}`,
    body: format === 'csv' ? csvFile(about, [figures, counts]) : await xlsxFile(about, [['指标 Figures', figures], ['计数 Counts', counts]]),
  };
}

/** Content-Disposition for a download (the names are ASCII: ids, kinds and labels). */
export const attachment = (filename: string) => `attachment; filename="${filename}"`;
