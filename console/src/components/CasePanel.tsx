/**
 * A case as the signed-in person may see it: its facts (the complainant masked unless they handle it, as the API
 * answers), its photos and videos, clocks, dispatch history, timeline with who did what, related cases (并单), a link to its workflow in the
 * Temporal Web UI, and ONLY the actions the API says they may take now (GET /v1/cases/{id}/actions).
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Spin, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { api, ApiError, unwrap } from '../api/client';
import type { CaseEvent, CaseView, Clock, ClockName, GroupFlag, Offer, Role } from '../api/types';
import { useCategories, useGrants, useSettings, useUnits } from '../data';
import { fmtTime } from '../format';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { ActionModal } from './ActionModal';
import { Attachments } from './Attachments';
import { ClockTag } from './ClockTag';

const STATUS_COLOR: Record<CaseView['status'], string> = {
  received: 'blue',
  returned: 'orange',
  dispatched: 'geekblue',
  accepted: 'cyan',
  contacted: 'cyan',
  on_hold: 'purple',
  replied: 'gold',
  closed: 'default',
};

function isRole(role: string, labels: Record<Role, string>): role is Role {
  return Object.hasOwn(labels, role);
}

function isStaffView(v: unknown): v is CaseView {
  return typeof v === 'object' && v !== null && 'piiMasked' in v;
}

/** The flagged group complaint (群体诉求) the case is part of: its size, window and when it was found, on hover. */
function GroupTag({ group }: { group: GroupFlag }) {
  const { t, lang } = useI18n();
  const days = Math.round((Date.parse(group.windowEnd) - Date.parse(group.windowStart)) / 86_400_000);
  const hint = t.caseView.groupComplaintHint
    .replace('{people}', String(group.complainants))
    .replace('{from}', fmtTime(group.windowStart, lang))
    .replace('{days}', String(days))
    .replace('{at}', fmtTime(group.detectedAt, lang));
  return (
    <Tooltip title={`${hint} · ${group.listed ? t.caseView.groupListed : t.caseView.groupJoined}`}>
      <Tag color="volcano" data-group-complaint={group.alertId}>
        {t.caseView.groupComplaint} · {group.complainants}
      </Tag>
    </Tooltip>
  );
}

export function useCase(id: string) {
  return useQuery({
    queryKey: ['case', id],
    queryFn: async () => {
      const v = await unwrap(api.GET('/v1/cases/{id}', { params: { path: { id } } }));
      if (!isStaffView(v)) throw new Error('not a staff view');
      return v;
    },
    retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 2,
  });
}

/** An event's data in a line: the values a person reads (notes, reasons, units, outcomes), labelled. */
function EventData({ data }: { data: Record<string, unknown> }) {
  const { t, enumLabel } = useI18n();
  const units = useUnits();
  const parts: string[] = [];
  for (const [k, v] of Object.entries(data)) {
    if (v === null || v === undefined || typeof v === 'object') continue;
    const label = t.form.fields[k];
    if (!label) continue;
    const value = typeof v === 'boolean' ? (v ? t.common.yes : t.common.no) : /unitId$/i.test(k) ? units.data?.name(String(v)) : enumLabel(k, String(v));
    parts.push(`${label}：${value}`);
  }
  return parts.length ? <Typography.Text type="secondary">{parts.join('；')}</Typography.Text> : null;
}

function Clocks({ view }: { view: CaseView }) {
  const { t, lang } = useI18n();
  const rows = Object.values(view.clocks).flatMap((c) => (c ? [c] : []));
  return (
    <Table
      size="small"
      rowKey="name"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t.common.none }}
      columns={[
        { title: t.common.clock, dataIndex: 'name', render: (n: ClockName) => t.clock[n] },
        { title: t.common.dueAt, dataIndex: 'dueAt', render: (d: string) => fmtTime(d, lang) },
        {
          title: t.common.status,
          key: 'state',
          render: (_: unknown, c: Clock) =>
            c.stoppedAt ? (
              <Tag color={c.result === 'breached' ? 'red' : c.result === 'met' ? 'green' : undefined}>{t.caseView.clockResult[c.result ?? 'cancelled']}</Tag>
            ) : c.pausedAt ? (
              <Tag color="purple">{t.caseView.clockResult.paused}</Tag>
            ) : (
              <ClockTag warningLevel={c.redFiredAt ? 'red' : c.yellowFiredAt ? 'yellow' : 'none'} dueAt={c.dueAt} />
            ),
        },
      ]}
    />
  );
}

export function CasePanel({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const units = useUnits();
  const categories = useCategories();
  const settings = useSettings();
  const grants = useGrants();
  const [acting, setActing] = useState<Offer | null>(null);
  const view = useCase(id);
  const events = useQuery({
    queryKey: ['events', id],
    queryFn: () => unwrap(api.GET('/v1/cases/{id}/events', { params: { path: { id } } })),
    enabled: grants.has('case.events'),
  });
  const offers = useQuery({ queryKey: ['offers', id], queryFn: () => unwrap(api.GET('/v1/cases/{id}/actions', { params: { path: { id } } })) });
  const related = useQuery({
    queryKey: ['related', id],
    queryFn: () => unwrap(api.GET('/v1/cases/{id}/related', { params: { path: { id } } })),
    enabled: grants.has('case.related'),
  });

  if (view.isLoading) return <Spin />;
  if (view.error || !view.data) {
    const notFound = view.error instanceof ApiError && view.error.status === 404;
    return <Alert type={notFound ? 'warning' : 'error'} title={notFound ? t.caseView.notFound : String(view.error?.message)} />;
  }
  const v = view.data;
  const temporal = settings.data?.temporalUi;
  const who = v.complainant;
  const unitName = (u: string | null | undefined) => (u ? (units.data?.name(u) ?? u) : '—');

  return (
    <div data-case-page={v.id}>
      <Space align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {v.title}
        </Typography.Title>
        <Typography.Text code>{v.id}</Typography.Text>
        <Tag color={STATUS_COLOR[v.status]} data-status={v.status}>
          {t.status[v.status]}
          {v.outcome ? ` · ${t.outcome[v.outcome]}` : ''}
        </Tag>
        {v.status !== 'closed' && <ClockTag warningLevel={v.warningLevel} dueAt={v.nextDueAt} />}
        {v.groupComplaint && <GroupTag group={v.groupComplaint} />}
        {temporal && (
          <Typography.Link href={`${temporal.url}/namespaces/${encodeURIComponent(temporal.namespace)}/workflows/${v.id}`} target="_blank" rel="noreferrer">
            {t.caseView.temporalLink}
          </Typography.Link>
        )}
      </Space>
      {v.source === 'record' && <Alert style={{ marginBottom: 12 }} type="info" title={t.caseView.sourceRecord} />}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t.caseView.summary} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t.common.category}>{categories.data?.path(v.categoryId) ?? v.categoryId}</Descriptions.Item>
              <Descriptions.Item label={t.common.channel}>{t.channel[v.channel]}</Descriptions.Item>
              <Descriptions.Item label={t.caseView.complainant}>
                <span data-testid="complainant">
                  {v.noContact && !who.name ? t.common.notGiven : [who.name ?? t.common.notGiven, who.phone ?? ''].join(' ').trim()}
                </span>
                {v.piiMasked && (
                  <Tag style={{ marginLeft: 8 }} color="default">
                    {t.common.masked}
                  </Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t.common.place}>{unitName(v.location?.areaUnitId)}</Descriptions.Item>
              <Descriptions.Item label={t.caseView.location} span={2}>
                <span data-testid="address">{v.location?.address ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t.common.unit}>{unitName(v.unitId)}</Descriptions.Item>
              <Descriptions.Item label={t.common.round}>{v.round}</Descriptions.Item>
              <Descriptions.Item label={t.common.received}>{fmtTime(v.receivedAt, lang)}</Descriptions.Item>
              <Descriptions.Item label={t.caseView.escalation}>{v.escalationLevel}</Descriptions.Item>
              {v.cooperation.length > 0 && (
                <Descriptions.Item label={t.caseView.cooperating} span={2}>
                  {v.cooperation.map((p) => unitName(p.unitId)).join('、')}
                </Descriptions.Item>
              )}
              {v.copiedUnitIds.length > 0 && (
                <Descriptions.Item label={t.caseView.copied} span={2}>
                  {v.copiedUnitIds.map(unitName).join('、')}
                </Descriptions.Item>
              )}
              {v.returnDueAt && offers.data?.actions.some((o) => o.action === 'return') && (
                <Descriptions.Item label={t.caseView.returnBy}>{fmtTime(v.returnDueAt, lang)}</Descriptions.Item>
              )}
              <Descriptions.Item label={t.caseView.description} span={2}>
                {v.description}
              </Descriptions.Item>
            </Descriptions>
            {v.piiMasked && <Typography.Text type="secondary">{t.caseView.maskedNote}</Typography.Text>}
          </Card>
          <Attachments caseId={v.id} />
          <Card size="small" title={t.caseView.clocks} style={{ marginBottom: 16 }}>
            <Clocks view={v} />
          </Card>
          <Card size="small" title={t.caseView.dispatches} style={{ marginBottom: 16 }}>
            {v.dispatches.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.common.none} />
            ) : (
              <Timeline
                items={v.dispatches.map((d, i) => ({
                  key: i,
                  color: d.returnedAt ? 'red' : 'blue',
                  content: (
                    <span>
                      <Typography.Text type="secondary">{fmtTime(d.at, lang)}</Typography.Text> {t.dispatchKind[d.kind]} → {unitName(d.unitId)}
                      {d.cooperating?.length ? ` + ${d.cooperating.map(unitName).join('、')}` : ''}
                      {d.returnedAt ? ` · ${t.event.returned} ${fmtTime(d.returnedAt, lang)}${d.returnReason ? `（${t.returnReason[d.returnReason]}）` : ''}` : ''}
                    </span>
                  ),
                }))}
              />
            )}
          </Card>
          {grants.has('case.events') && (
            <Card size="small" title={t.caseView.timeline}>
              <Timeline
                items={(events.data?.items ?? []).map((e: CaseEvent) => ({
                  key: e.seq,
                  color: e.type === 'warning_raised' || e.type === 'returned' ? 'red' : e.type === 'closed' ? 'green' : 'blue',
                  content: (
                    <div data-event={e.type}>
                      <Typography.Text type="secondary">{fmtTime(e.at, lang)}</Typography.Text> <Typography.Text strong>{t.event[e.type]}</Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        {isRole(e.actor.role, t.role) ? t.role[e.actor.role] : e.actor.role} {e.actor.id}
                      </Typography.Text>
                      <div>
                        <EventData data={e.data} />
                      </div>
                    </div>
                  ),
                }))}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t.caseView.actions} style={{ marginBottom: 16 }} data-testid="actions">
            {offers.data && offers.data.actions.length === 0 && <Typography.Text type="secondary">{t.caseView.noActions}</Typography.Text>}
            <Space wrap>
              {offers.data?.actions.map((o) => (
                <Button key={o.action} type={o.message === 'update' ? 'primary' : 'default'} data-action={o.action} onClick={() => setActing(o)}>
                  {t.action[o.action]}
                </Button>
              ))}
            </Space>
          </Card>
          {grants.has('case.related') && (
            <Card size="small" title={t.caseView.related}>
              {related.data?.items.length ? (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {related.data.items.map((r) => (
                    <div key={r.id}>
                      <Tag>{t.caseView.relation[r.relation]}</Tag>
                      <Typography.Link onClick={() => navigate({ page: 'case', id: r.id })}>{r.id}</Typography.Link>{' '}
                      <Tag color={STATUS_COLOR[r.status]}>{t.status[r.status]}</Tag>
                      <div>
                        <Typography.Text type="secondary">{r.title}</Typography.Text>
                      </div>
                    </div>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t.common.none}</Typography.Text>
              )}
            </Card>
          )}
        </Col>
      </Row>
      {acting && <ActionModal view={v} offer={acting} onClose={() => setActing(null)} />}
    </div>
  );
}
