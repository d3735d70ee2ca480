/**
 * A list of cases as a desk shows it: paged on the server (the list's keyset cursor, "load more"), the clock's colour
 * and time left, and a click opens the case. Personal data never appears here: lists are masked by the API.
 *
 * Columns by what the desk works on: `work` (the clock), `supervision` (the clock, the escalation level and the
 * repeat card), `closed` (how the case closed and each round's result: the review queue and the unsatisfied zone).
 * The list is cached under ['cases', filter]: the live feed (live.ts) invalidates it when a case in it may have
 * changed, and it still refreshes every minute.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, unwrap } from '../api/client';
import type { CaseSummary, ListQuery } from '../api/types';
import { useCategories, useUnits } from '../data';
import { fmtDuration, fmtTime } from '../format';
import { useI18n } from '../i18n';
import { ClockTag, useNow } from './ClockTag';

export type QueueFilter = Omit<ListQuery, 'cursor' | 'limit'>;
export type QueueColumns = 'work' | 'supervision' | 'closed';
const PAGE = 20;

export const CARD_COLOR = { yellow: 'gold', orange: 'orange', red: 'red' } as const;

export function CaseQueue({
  filter,
  onOpen,
  selected,
  columns = 'work',
}: {
  filter: QueueFilter;
  onOpen(id: string): void;
  selected?: string | null;
  columns?: QueueColumns;
}) {
  const { t, lang } = useI18n();
  const units = useUnits();
  const categories = useCategories();
  const now = useNow();
  const list = useInfiniteQuery({
    queryKey: ['cases', filter],
    queryFn: ({ pageParam }) => unwrap(api.GET('/v1/cases', { params: { query: { ...filter, limit: PAGE, ...(pageParam && { cursor: pageParam }) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 60_000,
  });
  const rows: CaseSummary[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  const cols: ColumnsType<CaseSummary> = [
    {
      title: t.common.caseNumber,
      dataIndex: 'id',
      width: 190,
      render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
    },
    { title: t.common.title, dataIndex: 'title', ellipsis: true },
    { title: t.common.category, dataIndex: 'categoryId', width: 130, render: (id: string) => categories.data?.name(id) ?? id },
    { title: t.common.unit, dataIndex: 'unitId', width: 190, ellipsis: true, render: (id: string | null) => (id ? units.data?.name(id) : <Tag>{t.status.received}</Tag>) },
  ];
  if (columns === 'closed') {
    cols.push(
      {
        title: t.review.outcome,
        key: 'outcome',
        width: 150,
        render: (_: unknown, r) => (
          <Space size={4} wrap>
            {r.outcome ? <Tag color={r.outcome === 'unsatisfied' ? 'red' : undefined}>{t.outcome[r.outcome]}</Tag> : <Tag>{t.status[r.status]}</Tag>}
            {r.disputed && <Tag color="purple">{t.review.disputed}</Tag>}
          </Space>
        ),
      },
      {
        title: t.review.rounds,
        key: 'rounds',
        width: 220,
        render: (_: unknown, r) => (
          <Space size={4} wrap data-rounds={r.rounds.length}>
            {r.rounds.map((round) => (
              <Tooltip key={round.round} title={`${t.common.unit}: ${units.data?.name(round.unitId) ?? ''} · ${t.caseView.resolved}: ${round.resolved ? t.common.yes : t.common.no}`}>
                <Tag color={round.satisfaction === 'unsatisfied' ? 'red' : 'green'}>
                  {round.round}. {t.satisfaction[round.satisfaction]}
                </Tag>
              </Tooltip>
            ))}
          </Space>
        ),
      },
      { title: t.review.closedAt, dataIndex: 'closedAt', width: 150, render: (at: string | null) => fmtTime(at, lang) },
    );
  } else {
    cols.push({ title: t.common.clock, key: 'clock', width: 170, render: (_: unknown, r) => <ClockTag warningLevel={r.warningLevel} dueAt={r.nextDueAt} /> });
    if (columns === 'supervision') {
      cols.push({
        title: t.caseView.escalation,
        key: 'escalation',
        width: 130,
        render: (_: unknown, r) => (
          <Space size={4}>
            {r.escalationLevel > 0 ? <Tag color="volcano" data-escalation={r.escalationLevel}>{t.supervision.levels[r.escalationLevel] ?? r.escalationLevel}</Tag> : '—'}
            {r.repeatCard && <Tag color={CARD_COLOR[r.repeatCard]}>{t.supervision.cards[r.repeatCard]}</Tag>}
          </Space>
        ),
      });
    }
    cols.push({
      title: t.common.received,
      dataIndex: 'receivedAt',
      width: 170,
      render: (at: string) => <span title={`${t.common.waited} ${fmtDuration(now - Date.parse(at), lang)}`}>{fmtTime(at, lang)}</span>,
    });
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t.common.noCases }}
        rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        columns={cols}
      />
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t.common.more}
        </Button>
      )}
    </Space>
  );
}
