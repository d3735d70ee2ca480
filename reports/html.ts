/**
 * A report as one self-contained HTML file in Chinese: the charts inline as SVG (reports/charts.ts), the styles inline,
 * no script, no external resource — it opens from a mail attachment or a USB stick, prints on A4 (print styles: page
 * margins, no section split across pages where it can be helped, links printed as their figures), and can be
 * forwarded as it is. Every figure links to the cases behind it (the API's drill-downs, REPORT_LINK_BASE; opening one
 * needs the reader's sign-in, and shows only what the reader may see).
 */
import { barChart, CHART_FONT, lineChart, pieChart } from './charts.js';
import { KIND_TITLES, type Change, type RateFigure, type ReportFigures } from './figures.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const a = (href: string, text: string | number) => `<a href="${esc(href)}">${esc(String(text))}</a>`;

export const percentOfBp = (bp: number) => `${(bp / 100).toFixed(2)}%`;
export const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);
export const signedPercent = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)}%`);
export const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;
export const zhDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
export const zhDate = (d: string) => `${Number(d.slice(0, 4))}年${zhDay(d)}`;
/** An instant as Beijing-style local text on the report's offset (the figures' `asOf`, `generatedAt`). */
export const local = (iso: string, offsetMinutes: number) => new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric: readonly number[] = []): string {
  const cls = (i: number) => (numeric.includes(i) ? ' class="n"' : '');
  return `<table><thead><tr>${head.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export const changeText = (c: Change, what: string) =>
  `${what}（${zhDay(c.from)}${c.from === c.to ? '' : `至${zhDay(c.to)}`}）${c.count} 件，${c.delta === 0 ? '持平' : `${c.delta > 0 ? '增加' : '减少'} ${Math.abs(c.delta)} 件`}${c.ratio === null ? '' : `（${signedPercent(c.ratio)}）`}`;

const rate = (r: RateFigure) => `${percent(r.value)}<span class="sub">（${Number(r.numerator.toFixed(4))}/${r.denominator}）</span>`;

/** What the figures mean, at the foot of every report (HTML and Word). */
export const REPORT_NOTE =
  '说明：诉求量按诉求受理时间（本地时间）所在日期统计，含未派单直接答复的诉求；占比为万分比取整，各项合计为 100%。环比与上一期比较，同比与去年同期比较，基数为 0 时不计比率。' +
  '超期指在办工单有时限已过期，红灯指预警为红色，按生成时的状态统计。群体诉求指同一类别、同一地点（坐标网格或网格/社区）在分析政策规定的时间窗内有多名不同诉求人（按电话区分）。' +
  '数字上的链接打开其背后的工单清单（需登录，仅显示本人有权查看的工单）。';

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm; }
* { box-sizing: border-box; }
body { font-family: ${CHART_FONT}; color: #1d2733; margin: 0 auto; max-width: 190mm; padding: 10mm 6mm; font-size: 10.5pt; line-height: 1.6; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4pt; letter-spacing: 1pt; }
h2 { font-size: 13pt; border-left: 4pt solid #3b6fb6; padding-left: 6pt; margin: 18pt 0 6pt; }
.meta { text-align: center; color: #5b6673; font-size: 9.5pt; margin: 0 0 10pt; }
.cards { display: flex; flex-wrap: wrap; gap: 6pt; margin: 8pt 0; }
.card { flex: 1 1 30mm; border: 1px solid #cfd8e3; border-radius: 4pt; padding: 6pt 8pt; }
.card b { display: block; font-size: 16pt; color: #1f3b73; }
.card span { color: #5b6673; font-size: 9pt; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0 10pt; font-size: 9.5pt; }
th, td { border: 1px solid #cfd8e3; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #eef3f9; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.sub { color: #6b7785; font-size: 8.5pt; }
.chart { text-align: center; margin: 4pt 0; }
.chart svg { max-width: 100%; height: auto; }
.none { color: #6b7785; }
a { color: #1f4f99; text-decoration: none; }
footer { margin-top: 18pt; border-top: 1px solid #cfd8e3; padding-top: 6pt; color: #5b6673; font-size: 8.5pt; }
section { break-inside: avoid-page; }
@media print {
  body { padding: 0; max-width: none; }
  a { color: inherit; }
  h2 { break-after: avoid-page; }
  tr { break-inside: avoid; }
}
`;

function section(title: string, body: string): string {
  return `<section><h2>${esc(title)}</h2>${body}</section>`;
}

const chart = (svg: string) => `<div class="chart">${svg}</div>`;

export function reportHtml(f: ReportFigures, offsetMinutes: number): string {
  const parts: string[] = [];
  const n = (i: number) => `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][i - 1]}、`;
  let no = 0;
  const next = () => n(++no);

  // Key figures.
  const cards: Array<[string, string]> = [
    ['受理诉求', a(f.volume.cases, f.volume.count)],
    ['环比', esc(signedPercent(f.volume.previous.ratio))],
    ['同比', esc(signedPercent(f.volume.yearAgo.ratio))],
    ['当前超期', a(f.overdue.overdueCases, f.overdue.overdue)],
    ['当前红灯', a(f.overdue.redCases, f.overdue.red)],
    ['群体诉求', esc(String(f.groupComplaints.length))],
  ];
  if (f.callbacks) cards.push(['解决率', esc(percent(f.callbacks.resolutionRate.value))], ['满意率', esc(percent(f.callbacks.satisfactionRate.value))]);
  parts.push(`<div class="cards">${cards.map(([k, v]) => `<div class="card"><b>${v}</b><span>${esc(k)}</span></div>`).join('')}</div>`);

  // Volume.
  const periodWord = f.kind === 'daily' ? '当日' : f.kind === 'weekly' ? '本周' : '本月';
  const dayLabels = f.byDay.map((d) => d.day.slice(5));
  parts.push(
    section(
      `${next()}诉求总量`,
      `<p>${periodWord}共受理诉求 ${a(f.volume.cases, f.volume.count)} 件。${esc(changeText(f.volume.previous, '上期'))}；${esc(changeText(f.volume.yearAgo, '去年同期'))}。</p>` +
        chart(barChart({ labels: dayLabels, values: f.byDay.map((d) => d.count), name: '受理量' })) +
        (f.byDay.length <= 7
          ? table(['日期', '受理量'], f.byDay.map((d) => [esc(zhDate(d.day)), a(d.cases, d.count)]), [1])
          : `<p class="sub">每日受理量见 Excel 附表“日趋势”（每日一行，附工单清单链接）。</p>`),
    ),
  );

  // Categories.
  const cats = f.categories;
  const catLabels = [...cats.top.map((r) => r.name), ...(cats.other ? ['其他'] : [])];
  const catValues = [...cats.top.map((r) => r.count), ...(cats.other ? [cats.other.count] : [])];
  parts.push(
    section(
      `${next()}诉求分类`,
      (cats.total === 0
        ? '<p class="none">本期无诉求。</p>'
        : `<p>前 ${cats.top.length} 类诉求合计占 ${percentOfBp(cats.topShareBp)}。</p>` + chart(pieChart({ labels: catLabels, values: catValues }))) +
        table(
          ['排序', '类别', '件数', '占比'],
          [
            ...cats.top.map((r, i) => [String(i + 1), esc(r.name), a(r.cases, r.count), percentOfBp(r.shareBp)]),
            ...(cats.other ? [['', `其他（${cats.other.categories} 类）`, String(cats.other.count), percentOfBp(cats.other.shareBp)]] : []),
            ['', '合计', String(cats.total), cats.total ? '100.00%' : '—'],
          ],
          [0, 2, 3],
        ),
    ),
  );

  // Months (monthly).
  if (f.months.length) {
    parts.push(
      section(
        `${next()}月度趋势`,
        chart(lineChart({ labels: f.months.map((m) => m.month), series: [{ name: '受理量', values: f.months.map((m) => m.count) }] })) +
          table(
            ['月份', '受理量', '上月', '环比', '去年同月', '同比'],
            f.months.map((m) => [esc(m.month), a(m.cases, m.count), String(m.previous), signedPercent(m.previousRatio), String(m.yearAgo), signedPercent(m.yearAgoRatio)]),
            [1, 2, 3, 4, 5],
          ),
      ),
    );
  }

  // Hot spots.
  const hot = f.hotspots;
  parts.push(
    section(
      `${next()}热点区域`,
      (hot.communities.length
        ? chart(barChart({ labels: hot.communities.map((r) => r.name), values: hot.communities.map((r) => r.count), horizontal: true, name: '诉求量' })) +
          table(['排序', '社区（村）', '诉求量'], hot.communities.map((r, i) => [String(i + 1), esc(r.name), a(r.cases, r.count)]), [0, 2])
        : '<p class="none">本期无落到社区的诉求。</p>') +
        `<p class="sub">未落到社区的诉求 ${hot.unplaced} 件。</p>` +
        (f.kind === 'monthly' && hot.cells.length
          ? `<p>按坐标网格（geohash ${hot.precision} 位）统计的热点：</p>` +
            table(
              ['网格', '中心坐标', '诉求量'],
              hot.cells.map((r) => [esc(r.cell), `${r.centre.lat.toFixed(5)}, ${r.centre.lng.toFixed(5)}`, a(r.cases, r.count)]),
              [2],
            ) +
            `<p class="sub">无坐标的诉求 ${hot.unlocated} 件。</p>`
          : ''),
    ),
  );

  // Group complaints.
  parts.push(
    section(
      `${next()}群体诉求`,
      f.groupComplaints.length
        ? table(
            ['类别', '地点', '诉求人数', '件数', '发现时间'],
            f.groupComplaints.map((g) => [esc(g.categoryName), esc(g.place), String(g.complainants), a(g.casesLink, g.cases), esc(local(g.detectedAt, offsetMinutes))]),
            [2, 3],
          )
        : '<p class="none">本期未发现群体诉求。</p>',
    ),
  );

  // Overdue and red.
  const od = f.overdue;
  parts.push(
    section(
      `${next()}超期与红灯工单`,
      `<p>截至 ${esc(local(od.asOf, offsetMinutes))}，在办工单中超期 ${a(od.overdueCases, od.overdue)} 件、红灯 ${a(od.redCases, od.red)} 件。</p>` +
        (od.units.length
          ? chart(barChart({ labels: od.units.map((u) => u.name), values: od.units.map((u) => u.overdue), horizontal: true, name: '超期' })) +
            table(['单位', '超期', '红灯'], od.units.map((u) => [esc(u.name), a(u.overdueCases, u.overdue), a(u.redCases, u.red)]), [1, 2])
          : '<p class="none">无超期或红灯工单。</p>'),
    ),
  );

  // Callbacks (weekly, monthly).
  if (f.callbacks) {
    const c = f.callbacks;
    parts.push(
      section(
        `${next()}回访结果`,
        table(
          ['有效回访', '已联系', '已解决', '满意', '基本满意', '不满意'],
          [[a(c.cases, c.counts.valid), String(c.counts.contacted), a(c.unresolvedCases, c.counts.resolved), String(c.counts.satisfied), String(c.counts.basically_satisfied), String(c.counts.unsatisfied)]],
          [0, 1, 2, 3, 4, 5],
        ) +
          table(['响应率', '解决率', '满意率'], [[rate(c.responseRate), rate(c.resolutionRate), rate(c.satisfactionRate)]], [0, 1, 2]) +
          `<p class="sub">按考核政策第 ${c.assessmentPolicyVersion} 版计算；“已解决”链接列出有效回访中未解决的工单。</p>`,
      ),
    );
  }

  // Communities (monthly).
  const active = f.communities.filter((r) => r.received > 0 || r.valid > 0);
  if (f.communities.length) {
    const shown = active.slice(0, 30);
    parts.push(
      section(
        `${next()}社区（村）情况`,
        table(
          ['社区（村）', '街道（乡镇）', '诉求量', '有效回访', '解决率', '满意率'],
          shown.map((r) => [esc(r.name), esc(r.street), a(r.cases, r.received), String(r.valid), percent(r.resolutionRate), percent(r.satisfactionRate)]),
          [2, 3, 4, 5],
        ) + `<p class="sub">列出本期有诉求或回访的社区（村）${shown.length} 个（按诉求量，至多 30 个）；全部 ${f.communities.length} 个见 Excel 附表“社区”。</p>`,
      ),
    );
  }

  // Rankings (monthly).
  for (const r of f.rankings) {
    parts.push(
      section(
        `${next()}${r.title}`,
        table(
          ['名次', '单位', '综合得分', '响应率', '解决率', '满意率', '有效回访', '名次变化'],
          r.rows.map((row) => [
            row.rank === null ? '未排名' : String(row.rank),
            `${esc(row.name)}${row.flagged ? ' <span class="sub">（末位）</span>' : ''}`,
            row.score === null ? '—' : row.score.toFixed(4),
            percent(row.responseRate),
            percent(row.resolutionRate),
            percent(row.satisfactionRate),
            String(row.valid),
            row.change === null ? '—' : signed(row.change),
          ]),
          [0, 2, 3, 4, 5, 6, 7],
        ) + `<p class="sub">${a(r.link, '排名详情')}</p>`,
      ),
    );
  }

  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="hotline reports">
<title>${esc(f.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(f.title)}</h1>
<p class="meta">${esc(KIND_TITLES[f.kind])} · 统计期间 ${esc(zhDate(f.days.from))}${f.days.from === f.days.to ? '' : ` 至 ${esc(zhDate(f.days.to))}`} · 范围 ${esc(f.scope.name)} · 生成于 ${esc(local(f.generatedAt, offsetMinutes))}</p>
</header>
${parts.join('\n')}
<footer>
<p>${esc(REPORT_NOTE)}</p>
<p>分析政策第 ${f.analysisPolicyVersion} 版 · 期间标识 ${esc(f.period)}</p>
</footer>
</body>
</html>
`;
  return html;
}
