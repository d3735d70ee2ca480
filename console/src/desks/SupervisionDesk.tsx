/**
 * 督办台 Supervision desk (those who escalate): the overdue, red and yellow lists of a subtree (`within`) and an
 * escalation level, oldest first; the open repeat groups (并单) with their cards; the review queue and the unsatisfied
 * zone. A case opens beside the list with the actions the API offers this person now (督办, 催办, 改派 …).
 *
 * 评价台 Review desk (third-party reviewers): the review queue and the unsatisfied zone.
 */
import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import type { RepeatCard, RepeatMaster } from '../api/types';
import { CARD_COLOR, type QueueFilter } from '../components/CaseQueue';
import { UnitPicker } from '../components/Pickers';
import { useMe, useUnits } from '../data';
import { fmtTime } from '../format';
import { useI18n } from '../i18n';
import { QueueDesk } from './QueueDesk';

const PAGE = 20;

/** Open masters of repeat groups, hottest first (GET /v1/repeats), optionally of one card. */
function RepeatGroups({ onOpen, selected }: { onOpen(id: string): void; selected: string | null }) {
  const { t, lang } = useI18n();
  const units = useUnits();
  const [card, setCard] = useState<RepeatCard | undefined>();
  const list = useInfiniteQuery({
    queryKey: ['repeats', card ?? null],
    queryFn: ({ pageParam }) => unwrap(api.GET('/v1/repeats', { params: { query: { limit: PAGE, ...(card && { card }), ...(pageParam && { cursor: pageParam }) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 60_000,
  });
  const rows: RepeatMaster[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select<RepeatCard | 'all'>
        style={{ width: 200 }}
        value={card ?? 'all'}
        onChange={(v) => setCard(v === 'all' ? undefined : v)}
        options={[{ value: 'all', label: t.supervision.allCards }, ...(['red', 'orange', 'yellow'] as const).map((c) => ({ value: c, label: t.supervision.cards[c] }))]}
        data-testid="card-filter"
      />
      <Table<RepeatMaster>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t.common.noCases }}
        rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t.supervision.master, dataIndex: 'id', width: 190, render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
          { title: t.common.title, dataIndex: 'title', ellipsis: true },
          {
            title: t.supervision.card,
            dataIndex: 'repeatCard',
            width: 110,
            render: (c: RepeatCard | null) => (c ? <Tag color={CARD_COLOR[c]} data-card={c}>{t.supervision.cards[c]}</Tag> : '—'),
          },
          { title: t.supervision.count, dataIndex: 'repeatCount', width: 90, render: (n: number) => <span data-count={n}>{n}</span> },
          { title: t.common.unit, dataIndex: 'unitId', width: 190, ellipsis: true, render: (id: string | null) => (id ? units.data?.name(id) : <Tag>{t.status.received}</Tag>) },
          { title: t.common.status, dataIndex: 'status', width: 100, render: (s: RepeatMaster['status']) => t.status[s] },
          { title: t.supervision.updated, dataIndex: 'updatedAt', width: 160, render: (at: string) => fmtTime(at, lang) },
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

export function SupervisionDesk() {
  const { t } = useI18n();
  const me = useMe();
  const grants = me.data?.grants ?? [];
  const readsRepeats = grants.some((g) => g.action === 'repeat.read');
  // A district supervisor looks at the district by default; the city sees everything.
  const [within, setWithin] = useState<string | undefined>();
  const [level, setLevel] = useState<number | undefined>();
  const base: QueueFilter = { order: 'oldest', ...(within && { within }), ...(level && { minEscalationLevel: level }) };
  const toolbar = (
    <Form layout="inline" style={{ marginBottom: 8 }}>
      <Form.Item label={t.supervision.within} style={{ minWidth: 320 }}>
        <UnitPicker id="supervision_within" value={within} onChange={(v) => setWithin(typeof v === 'string' ? v : undefined)} placeholder={t.supervision.withinPlaceholder} />
      </Form.Item>
      <Form.Item label={t.caseView.escalation}>
        <Select<number>
          id="supervision_level"
          style={{ width: 180 }}
          value={level ?? 0}
          onChange={(v) => setLevel(v === 0 ? undefined : v)}
          options={[0, 1, 2, 3].map((n) => ({ value: n, label: n === 0 ? t.supervision.levelAny : `≥ ${t.supervision.levels[n]}` }))}
        />
      </Form.Item>
    </Form>
  );
  return (
    <QueueDesk
      hint={t.supervision.hint}
      toolbar={toolbar}
      tabs={[
        { key: 'overdue', label: t.supervision.overdue, filter: { ...base, overdue: 'true' }, columns: 'supervision' },
        { key: 'red', label: t.supervision.red, filter: { ...base, warning: 'red' }, columns: 'supervision' },
        { key: 'yellow', label: t.supervision.yellow, filter: { ...base, warning: 'yellow' }, columns: 'supervision' },
        ...(readsRepeats ? [{ key: 'repeats', label: t.supervision.repeats, render: (onOpen: (id: string) => void, selected: string | null) => <RepeatGroups onOpen={onOpen} selected={selected} /> }] : []),
        { key: 'review', label: t.review.queue, filter: { ...base, zone: 'review' }, columns: 'closed' },
        { key: 'unsatisfied', label: t.review.unsatisfied, filter: { ...base, zone: 'unsatisfied' }, columns: 'closed' },
      ]}
    />
  );
}

/** 评价台: the third-party review queue (closed unsatisfied or disputed, not yet reviewed) and the unsatisfied zone. */
export function ReviewDesk() {
  const { t } = useI18n();
  return (
    <QueueDesk
      hint={t.review.hint}
      tabs={[
        { key: 'review', label: t.review.queue, filter: { zone: 'review', order: 'oldest' }, columns: 'closed' },
        { key: 'unsatisfied', label: t.review.unsatisfied, filter: { zone: 'unsatisfied' }, columns: 'closed' },
      ]}
    />
  );
}
