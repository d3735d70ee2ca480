/**
 * The analysis desk's two lists beside the ranking (issue 21): the alerts the analysis watch stored — group
 * complaints (群体诉求) and surges (诉求激增), the latest first, by kind, each group's cases a click away — and the
 * generated reports with their files (HTML, Excel, Word), each the reader's to download. Both are the reader's reach
 * (a unit leader's subtree), as the API answers them.
 */
import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { api, download, unwrap } from '../../api/client';
import type { AlertItem, AlertKind, AlertsQuery, ReportItem } from '../../api/types';
import { fmtTime } from '../../format';
import { useI18n } from '../../i18n';
import { hrefOf, navigate } from '../../router';

const ALERT_KINDS: readonly AlertKind[] = ['group_complaint', 'surge'];
const PAGE = 20;

export function AlertsCard({ unitId }: { unitId?: string | undefined }) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<AlertKind | undefined>();
  const query: AlertsQuery = { limit: PAGE, ...(kind && { kind }), ...(unitId && { unitId }) };
  const list = useInfiniteQuery({
    queryKey: ['alerts', query],
    queryFn: ({ pageParam }) => unwrap(api.GET('/v1/analysis/alerts', { params: { query: { ...query, ...(pageParam && { cursor: pageParam }) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
  });
  const items: AlertItem[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      size="small"
      title={t.analysis.alerts}
      extra={
        <Select<AlertKind | ''>
          id="alerts_kind"
          size="small"
          style={{ width: 140 }}
          value={kind ?? ''}
          onChange={(k) => setKind(k === '' ? undefined : k)}
          options={[{ value: '', label: t.analysis.allKinds }, ...ALERT_KINDS.map((k) => ({ value: k, label: t.analysis.alertKinds[k] }))]}
        />
      }
    >
      <Table<AlertItem>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t.common.none }}
        data-testid="alerts"
        columns={[
          { title: t.analysis.detectedAt, dataIndex: 'detectedAt', width: 140, render: (at: string) => fmtTime(at, lang) },
          {
            title: t.common.category,
            key: 'kind',
            width: 180,
            render: (_: unknown, a) => (
              <Space size={4} data-alert={a.id} data-alert-kind={a.kind}>
                <Tag color={a.kind === 'group_complaint' ? 'volcano' : 'orange'}>{t.analysis.alertKinds[a.kind]}</Tag>
                {a.categoryName}
              </Space>
            ),
          },
          {
            title: t.analysis.alertPlace,
            key: 'place',
            ellipsis: true,
            render: (_: unknown, a) => {
              const place = a.group ? (a.group.place.kind === 'unit' ? (a.group.place.name ?? a.group.place.unitId) : `geohash ${a.group.place.cell}`) : a.unitName;
              return (
                <>
                  <Typography.Text ellipsis={{ tooltip: place }}>{place ?? '—'}</Typography.Text>
                  {a.group && a.unitName && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: a.unitName }}>
                        {a.unitName}
                      </Typography.Text>
                    </div>
                  )}
                </>
              );
            },
          },
          {
            title: t.analysis.alertFigures,
            key: 'figures',
            width: 220,
            render: (_: unknown, a) =>
              a.group ? (
                <Space size={4} wrap>
                  {t.analysis.groupFigures.replace('{people}', String(a.group.complainants)).replace('{cases}', String(a.group.caseIds.length))}
                  {a.group.caseIds.slice(0, 3).map((id) => (
                    <Typography.Link key={id} style={{ whiteSpace: 'nowrap' }} href={hrefOf({ page: 'case', id })} onClick={(e) => (e.preventDefault(), navigate({ page: 'case', id }))}>
                      {id}
                    </Typography.Link>
                  ))}
                  {a.group.caseIds.length > 3 ? '…' : ''}
                </Space>
              ) : a.surge ? (
                <Space size={4} wrap>
                  {t.analysis.surgeFigures
                    .replace('{count}', String(a.surge.count))
                    .replace('{from}', a.surge.windowFrom)
                    .replace('{to}', a.surge.day)
                    .replace('{base}', String(+a.surge.baselineAverage.toFixed(1)))}
                  <Tag>{a.surge.endedOn ? t.analysis.ended.replace('{day}', a.surge.endedOn) : t.analysis.ongoing}</Tag>
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {list.hasNextPage && (
        <Button style={{ marginTop: 8 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t.common.more}
        </Button>
      )}
    </Card>
  );
}

export function ReportsCard({ unitId }: { unitId?: string | undefined }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const query = { limit: PAGE, ...(unitId && { unitId }) };
  const list = useInfiniteQuery({
    queryKey: ['reports', query],
    queryFn: ({ pageParam }) => unwrap(api.GET('/v1/reports', { params: { query: { ...query, ...(pageParam && { cursor: pageParam }) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
  });
  const items: ReportItem[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  async function save(url: string) {
    try {
      await download(url);
    } catch (err) {
      message.error(`${t.analysis.download}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return (
    <Card size="small" title={t.analysis.reports}>
      <Table<ReportItem>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t.common.none }}
        data-testid="reports"
        columns={[
          {
            title: t.analysis.reportTitle,
            key: 'title',
            ellipsis: true,
            render: (_: unknown, r) => (
              <>
                <Typography.Text ellipsis={{ tooltip: r.title }}>{r.title}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t.analysis.reportKinds[r.kind]} · {t.analysis.generatedAt} {fmtTime(r.createdAt, lang)}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: t.analysis.version,
            key: 'version',
            width: 90,
            render: (_: unknown, r) => (
              <Space size={4} wrap>
                v{r.version}
                {r.supersededBy !== null && <Tag>{t.analysis.superseded}</Tag>}
              </Space>
            ),
          },
          {
            title: t.analysis.files,
            key: 'files',
            width: 196,
            render: (_: unknown, r) => (
              <Space size={4} data-report={r.id}>
                <Button size="small" onClick={() => void save(r.files.html)} data-testid="report-html">
                  HTML
                </Button>
                <Button size="small" onClick={() => void save(r.files.xlsx)} data-testid="report-xlsx">
                  Excel
                </Button>
                <Button size="small" onClick={() => void save(r.files.docx)} data-testid="report-docx">
                  Word
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {list.hasNextPage && (
        <Button style={{ marginTop: 8 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t.common.more}
        </Button>
      )}
    </Card>
  );
}
