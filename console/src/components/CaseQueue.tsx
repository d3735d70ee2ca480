/**
 * A list of cases as a desk shows it: paged on the server (the list's keyset cursor, "load more"), the clock's colour
 * and time left, and a click opens the case. Personal data never appears here: lists are masked by the API.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import type { CaseSummary, ListQuery } from '../api/types';
import { useCategories, useUnits } from '../data';
import { fmtDuration, fmtTime } from '../format';
import { useI18n } from '../i18n';
import { ClockTag, useNow } from './ClockTag';

export type QueueFilter = Omit<ListQuery, 'cursor' | 'limit'>;
const PAGE = 20;

export function CaseQueue({ filter, onOpen, selected }: { filter: QueueFilter; onOpen(id: string): void; selected?: string | null }) {
  const { t, lang } = useI18n();
  const units = useUnits();
  const categories = useCategories();
  const now = useNow();
  const list = useInfiniteQuery({
    queryKey: ['cases', filter],
    queryFn: ({ pageParam }) => unwrap(api.GET('/v1/cases', { params: { query: { ...filter, limit: PAGE, ...(pageParam && { cursor: pageParam }) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 15_000,
  });
  const rows: CaseSummary[] = list.data?.pages.flatMap((p) => p.items) ?? [];
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
        columns={[
          {
            title: t.common.caseNumber,
            dataIndex: 'id',
            width: 190,
            render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
          },
          { title: t.common.title, dataIndex: 'title', ellipsis: true },
          { title: t.common.category, dataIndex: 'categoryId', width: 130, render: (id: string) => categories.data?.name(id) ?? id },
          { title: t.common.unit, dataIndex: 'unitId', width: 190, ellipsis: true, render: (id: string | null) => (id ? units.data?.name(id) : <Tag>{t.status.received}</Tag>) },
          { title: t.common.clock, key: 'clock', width: 170, render: (_: unknown, r) => <ClockTag warningLevel={r.warningLevel} dueAt={r.nextDueAt} /> },
          {
            title: t.common.received,
            dataIndex: 'receivedAt',
            width: 170,
            render: (at: string) => (
              <span title={`${t.common.waited} ${fmtDuration(now - Date.parse(at), lang)}`}>{fmtTime(at, lang)}</span>
            ),
          },
        ]}
      />
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t.common.more}
        </Button>
      )}
    </Space>
  );
}
