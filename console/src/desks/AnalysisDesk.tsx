/**
 * 分析台 Analysis desk (whoever reads the assessment): a level's ranking for a period (GET /v1/rankings) — rank, score
 * and every rate, each with its numerator and denominator on hover, the change since the previous period, unranked
 * and flagged rows marked; a click on a figure opens the cases behind it (GET /v1/assessment/cases, each linking to
 * its case page); the ranking as an Excel or CSV file; and charts (ECharts) drawn from the rankings: this period's
 * rates per unit, and the level's rates over the last periods, summed from each ranking's counts.
 *
 * Below them, the alerts the analysis watch stored (group complaints and surges) and the generated reports with their
 * HTML, Excel and Word files (desks/analysis/Feeds.tsx). The analysis's own charts (categories, hot spots) are not here
 * yet: the reports draw them.
 */
import { useMemo, useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Drawer, Form, Input, Row, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, ApiError, download, unwrap } from '../api/client';
import type { DrillItem, Figure, FigureName, PeriodKind, Ranking, RankingQuery, RankingRow } from '../api/types';
import { Chart } from '../components/Chart';
import { UnitPicker } from '../components/Pickers';
import { fmtTime } from '../format';
import { useI18n } from '../i18n';
import { hrefOf, navigate } from '../router';
import { AlertsCard, ReportsCard } from './analysis/Feeds';

type Level = RankingQuery['level'];
const LEVELS: readonly Level[] = ['street', 'district', 'department', 'community'];
const KINDS: readonly PeriodKind[] = ['assessment_month', 'month', 'week', 'day', 'year'];
/** The figures a ranking row shows, in this order (the composite score first, as its own column). */
const FIGURES: readonly FigureName[] = [
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
];
const PERIOD = /^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$/;
/** How many periods the trend chart goes back (one ranking each). */
const TREND_PERIODS = 6;

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const score = (v: number | null) => (v === null ? '—' : (v * 100).toFixed(2));
/** The handling time is in working hours, not a rate. */
const hours = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} h`);

interface Drill {
  unitId: string;
  unitName: string;
  figure: FigureName;
}

/** One figure in a cell: its value, numerator / denominator on hover, and a click opens the cases behind it. */
function FigureCell({ f, name, unitId, onDrill, asScore }: { f: Figure; name: FigureName; unitId: string; onDrill(): void; asScore?: boolean }) {
  const { t } = useI18n();
  return (
    <Tooltip title={`${t.analysis.numerator} ${+f.numerator.toFixed(2)} / ${t.analysis.denominator} ${f.denominator}`}>
      <Typography.Link data-figure={name} data-unit={unitId} data-num={f.numerator} data-den={f.denominator} onClick={onDrill} disabled={f.denominator === 0}>
        {asScore ? score(f.value) : name === 'averageHandlingHours' ? hours(f.value) : pct(f.value)}
      </Typography.Link>
    </Tooltip>
  );
}

function Change({ row }: { row: RankingRow }) {
  const { t } = useI18n();
  if (row.change === null && row.scoreChange === null) return <Typography.Text type="secondary">{t.analysis.noPrevious}</Typography.Text>;
  const c = row.change ?? 0;
  return (
    <Space size={4} data-change={row.change ?? ''}>
      {row.change !== null && <Tag color={c > 0 ? 'green' : c < 0 ? 'red' : undefined}>{c > 0 ? `↑${c}` : c < 0 ? `↓${-c}` : '→'}</Tag>}
      {row.scoreChange !== null && (
        <Typography.Text type={row.scoreChange < 0 ? 'danger' : 'success'}>
          {row.scoreChange >= 0 ? '+' : ''}
          {(row.scoreChange * 100).toFixed(2)}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The cases behind one figure of one unit in the ranking's period. */
function DrillDrawer({ drill, ranking, onClose }: { drill: Drill; ranking: Ranking; onClose(): void }) {
  const { t, lang } = useI18n();
  const [missed, setMissed] = useState(false);
  const query = {
    unitId: drill.unitId,
    figure: drill.figure,
    periodKind: ranking.periodKind,
    period: ranking.period,
    ...(missed && { missed: 'true' as const }),
    limit: 20,
  };
  const list = useInfiniteQuery({
    queryKey: ['drill', query],
    queryFn: ({ pageParam }) => unwrap(api.GET('/v1/assessment/cases', { params: { query: { ...query, ...(pageParam && { cursor: pageParam }) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = list.data?.pages[0];
  const items: DrillItem[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Drawer open onClose={onClose} size={1000} title={`${drill.unitName} · ${t.analysis.figures[drill.figure]} · ${ranking.period}`} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="drill">
        {first?.figure && <Typography.Text type="secondary">{lang === 'en' ? first.figure.formula.en : first.figure.formula.zh}</Typography.Text>}
        <Space>
          <Switch checked={missed} onChange={setMissed} data-testid="missed" />
          {t.analysis.missedOnly}
        </Space>
        <Table<DrillItem>
          rowKey={(r) => `${r.caseId}/${r.unitId}/${r.day}`}
          size="small"
          loading={list.isLoading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: t.common.noCases }}
          columns={[
            {
              title: t.common.caseNumber,
              dataIndex: 'caseId',
              width: 190,
              render: (id: string) => (
                <Typography.Link href={hrefOf({ page: 'case', id })} onClick={(e) => (e.preventDefault(), navigate({ page: 'case', id }))} data-drill-case={id}>
                  {id}
                </Typography.Link>
              ),
            },
            { title: t.common.title, key: 'title', ellipsis: true, render: (_: unknown, r) => r.case?.title ?? '—' },
            { title: t.analysis.day, dataIndex: 'day', width: 110 },
            { title: t.analysis.numerator, dataIndex: 'numerator', width: 90, render: (n: number | null) => (n === null ? '—' : +n.toFixed(2)) },
            { title: t.analysis.denominator, dataIndex: 'denominator', width: 90 },
            { title: t.analysis.lost, dataIndex: 'lost', width: 80, render: (n: number | null) => (n ? <Tag color="red">{+n.toFixed(2)}</Tag> : '—') },
            { title: t.common.status, key: 'status', width: 110, render: (_: unknown, r) => (r.case ? t.status[r.case.status] : '—') },
            { title: t.review.closedAt, key: 'closed', width: 150, render: (_: unknown, r) => fmtTime(r.case?.closedAt, lang) },
          ]}
        />
        {list.hasNextPage && (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t.common.more}
          </Button>
        )}
      </Space>
    </Drawer>
  );
}

interface TrendPoint {
  period: string;
  valid: number;
  response: number | null;
  resolution: number | null;
  satisfaction: number | null;
}

/** The level's rates in one ranking, from the rows' counts summed (peers' subtrees do not overlap). */
function totalsOf(r: Ranking): TrendPoint {
  const sum = (c: keyof RankingRow['counts']) => r.rows.reduce((n, row) => n + row.counts[c], 0);
  const valid = sum('valid');
  const rate = (n: number) => (valid === 0 ? null : n / valid);
  return {
    period: r.period,
    valid,
    response: rate(sum('contacted')),
    resolution: rate(sum('resolved')),
    satisfaction: rate(sum('satisfied') + r.policy.basicallySatisfiedFactor * sum('basically_satisfied')),
  };
}

export default function AnalysisDesk() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [level, setLevel] = useState<Level>('street');
  const [periodKind, setPeriodKind] = useState<PeriodKind>('month');
  const [period, setPeriod] = useState<string | undefined>();
  const [periodText, setPeriodText] = useState('');
  const [within, setWithin] = useState<string | undefined>();
  const [drill, setDrill] = useState<Drill | null>(null);
  const query = { level, periodKind, ...(period && { period }), ...(within && { within }) };
  const ranking = useQuery({ queryKey: ['ranking', query], queryFn: () => unwrap(api.GET('/v1/rankings', { params: { query } })), retry: false });
  const r = ranking.data;
  const trend = useQuery({
    queryKey: ['ranking-trend', query],
    enabled: r !== undefined,
    queryFn: async () => {
      const points: TrendPoint[] = [totalsOf(r!)];
      let before = r!.previous.period;
      for (let i = 1; i < TREND_PERIODS; i++) {
        const older = await unwrap(api.GET('/v1/rankings', { params: { query: { ...query, period: before } } }));
        points.unshift(totalsOf(older));
        before = older.previous.period;
      }
      return points;
    },
  });

  function choosePeriod(text: string) {
    setPeriodText(text);
    if (text === '') setPeriod(undefined);
    else if (PERIOD.test(text)) setPeriod(text);
  }

  async function save(format: 'xlsx' | 'csv') {
    const qs = new URLSearchParams({ ...query, format });
    try {
      await download(`/v1/rankings?${qs.toString()}`);
    } catch (err) {
      message.error(`${t.analysis.download}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  const openDrill = (row: RankingRow, figure: FigureName) => setDrill({ unitId: row.unitId, unitName: row.unitName, figure });
  const columns: ColumnsType<RankingRow> = [
    {
      title: t.analysis.rank,
      key: 'rank',
      width: 110,
      fixed: 'left',
      render: (_: unknown, row) => (
        <Space size={4} data-rank={row.rank ?? 'unranked'}>
          {row.rank ?? '—'}
          {row.unranked && (
            <Tooltip title={t.analysis.unrankedWhy.replace('{n}', String(r?.policy.ranking.minValidCallbacks ?? ''))}>
              <Tag data-unranked>{t.analysis.unranked}</Tag>
            </Tooltip>
          )}
          {row.flagged && (
            <Tag color="red" data-flagged>
              {t.analysis.flagged}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t.common.unit, dataIndex: 'unitName', width: 190, fixed: 'left', ellipsis: true },
    {
      title: t.analysis.figures.compositeScore,
      key: 'score',
      width: 100,
      render: (_: unknown, row) => <FigureCell f={row.score} name="compositeScore" unitId={row.unitId} onDrill={() => openDrill(row, 'compositeScore')} asScore />,
    },
    { title: t.analysis.change, key: 'change', width: 140, render: (_: unknown, row) => <Change row={row} /> },
    { title: t.analysis.valid, key: 'valid', width: 90, render: (_: unknown, row) => row.counts.valid },
    ...FIGURES.map((name) => ({
      title: t.analysis.figures[name],
      key: name,
      width: 110,
      render: (_: unknown, row: RankingRow) => <FigureCell f={row.figures[name]} name={name} unitId={row.unitId} onDrill={() => openDrill(row, name)} />,
    })),
  ];

  const bars = useMemo(() => {
    const rows = (r?.rows ?? []).slice(0, 30);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 80 },
      xAxis: { type: 'category', data: rows.map((x) => x.unitName), axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: (['responseRate', 'resolutionRate', 'satisfactionRate'] as const).map((f) => ({
        name: t.analysis.figures[f],
        type: 'bar',
        data: rows.map((x) => (x.figures[f].value === null ? null : +(x.figures[f].value * 100).toFixed(1))),
      })),
    };
  }, [r, t]);
  const lines = useMemo(() => {
    const points = trend.data ?? [];
    const series: Array<[string, (p: TrendPoint) => number | null]> = [
      [t.analysis.figures.responseRate, (p) => p.response],
      [t.analysis.figures.resolutionRate, (p) => p.resolution],
      [t.analysis.figures.satisfactionRate, (p) => p.satisfaction],
    ];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: points.map((p) => p.period) },
      yAxis: [
        { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', name: t.analysis.valid, splitLine: { show: false } },
      ],
      series: [
        ...series.map(([name, of]) => ({ name, type: 'line', data: points.map((p) => (of(p) === null ? null : +(of(p)! * 100).toFixed(1))) })),
        { name: t.analysis.valid, type: 'bar', yAxisIndex: 1, barWidth: 16, itemStyle: { opacity: 0.35 }, data: points.map((p) => p.valid) },
      ],
    };
  }, [trend.data, t]);

  const error = ranking.error instanceof ApiError ? (ranking.error.problem?.detail ?? ranking.error.message) : ranking.error?.message;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t.analysis.hint}
      </Typography.Paragraph>
      <Form layout="inline">
        <Form.Item label={t.analysis.level}>
          <Select<Level> id="analysis_level" style={{ width: 130 }} value={level} onChange={setLevel} options={LEVELS.map((l) => ({ value: l, label: t.unitType[l] }))} />
        </Form.Item>
        <Form.Item label={t.analysis.periodKind}>
          <Select<PeriodKind>
            id="analysis_kind"
            style={{ width: 130 }}
            value={periodKind}
            onChange={(k) => (setPeriodKind(k), choosePeriod(''))}
            options={KINDS.map((k) => ({ value: k, label: t.analysis.kinds[k] }))}
          />
        </Form.Item>
        <Form.Item label={t.analysis.period} validateStatus={periodText && !PERIOD.test(periodText) ? 'error' : ''}>
          <Space.Compact>
            <Button onClick={() => r && choosePeriod(r.previous.period)} disabled={!r} data-testid="previous-period">
              ◀
            </Button>
            <Input id="analysis_period" style={{ width: 130 }} value={periodText || r?.period || ''} placeholder={t.analysis.periodPlaceholder[periodKind]} onChange={(e) => choosePeriod(e.target.value.trim())} allowClear />
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t.supervision.within} style={{ minWidth: 280 }}>
          <UnitPicker id="analysis_within" value={within} onChange={(v) => setWithin(typeof v === 'string' ? v : undefined)} placeholder={t.analysis.allUnits} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button onClick={() => void save('xlsx')} disabled={!r} data-testid="download-xlsx">
              {t.analysis.download} Excel
            </Button>
            <Button onClick={() => void save('csv')} disabled={!r} data-testid="download-csv">
              CSV
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {error && <Alert type="error" title={error} />}
      {r && (
        <Typography.Text type="secondary" data-testid="ranking-period">
          {t.analysis.days.replace('{from}', r.days.from).replace('{to}', r.days.to)} · {t.analysis.policy} v{r.policyVersion} · {t.analysis.peers.replace('{ranked}', String(r.peers.ranked)).replace('{unranked}', String(r.peers.unranked))}
          {r.restricted ? ` · ${t.analysis.restricted}` : ''} · {t.analysis.previous} {r.previous.period}
        </Typography.Text>
      )}
      <Table<RankingRow>
        rowKey="unitId"
        size="small"
        loading={ranking.isLoading}
        dataSource={r?.rows ?? []}
        pagination={false}
        scroll={{ x: 1600 }}
        rowClassName={(row) => (row.flagged ? 'row-flagged' : row.unranked ? 'row-unranked' : '')}
        columns={columns}
        data-testid="ranking"
      />
      {r && r.notReported.length > 0 && (
        <Typography.Text type="secondary">
          {t.analysis.notReported}: {r.notReported.map((n) => (lang === 'en' ? n.en : n.zh)).join('、')}
        </Typography.Text>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t.analysis.chartUnits}>
            <Chart option={bars} testId="chart-units" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t.analysis.chartTrend.replace('{n}', String(TREND_PERIODS))}>
            <Chart option={lines} testId="chart-trend" />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <AlertsCard unitId={within} />
        </Col>
        <Col xs={24} xl={10}>
          <ReportsCard />
        </Col>
      </Row>
      {drill && r && <DrillDrawer drill={drill} ranking={r} onClose={() => setDrill(null)} />}
    </Space>
  );
}
