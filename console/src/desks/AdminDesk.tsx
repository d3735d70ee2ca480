/**
 * 管理台 Administration desk: what the API lets the signed-in person manage, each tab by its grant — the dispatch
 * catalogue (派单目录: admins everywhere, a dispatcher in their subtree; with a preview of what a case would match),
 * the case policy versions (办理时限方案) and the assessment policy versions (考核方案) — each a versioned document,
 * read as it was stored, a new version written as JSON that the API's schema judges (a 400 names the field) — and the
 * official working calendars (工作日历: each year's holidays and make-up days; an admin loads a new year).
 *
 * API keys are not here: they have no route (npm run auth -- api-key …).
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Radio, Row, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { api, ApiError, sendDocument, unwrap } from '../api/client';
import type { DispatchRule, NewDispatchRule, RuleUnitType, UnitType } from '../api/types';
import { CategoryPicker, UnitPicker } from '../components/Pickers';
import { useCategories, useGrants, useUnits } from '../data';
import { fmtTime } from '../format';
import { useI18n } from '../i18n';

const RULE_UNIT_TYPES: readonly RuleUnitType[] = ['district', 'street', 'community', 'grid'];
const isUnitType = (u: string, labels: Record<UnitType, string>): u is UnitType => Object.hasOwn(labels, u);

/** An API error as one line: its detail and each named field. */
function problemText(err: unknown): string {
  if (err instanceof ApiError) {
    const fields = err.problem?.errors?.map((e) => `${e.field}: ${e.reason}`).join('; ');
    return [err.problem?.detail ?? err.message, fields].filter(Boolean).join(' — ');
  }
  return err instanceof Error ? err.message : String(err);
}

// ---------------------------------------------------------------------------------------------------------------
// 派单目录

function RuleForm({ rule, onDone }: { rule: DispatchRule | 'new'; onDone(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<NewDispatchRule & { target: 'unit' | 'type' }>();
  const [error, setError] = useState<string | null>(null);
  const target = Form.useWatch('target', form);
  const initial = rule === 'new' ? { target: 'unit' as const, active: true } : { ...rule, target: rule.unitType ? ('type' as const) : ('unit' as const) };
  const save = useMutation({
    mutationFn: async () => {
      const v = await form.validateFields();
      const body: NewDispatchRule = {
        categoryId: v.categoryId,
        areaUnitId: v.areaUnitId ?? null,
        ...(v.target === 'unit' ? { unitId: v.unitId ?? null, unitType: null } : { unitType: v.unitType ?? null, unitId: null }),
        note: v.note ?? null,
        active: v.active ?? true,
      };
      if (rule === 'new') return unwrap(api.POST('/v1/dispatch-rules', { body }));
      return unwrap(api.PUT('/v1/dispatch-rules/{ruleId}', { params: { path: { ruleId: rule.id } }, body }));
    },
    onSuccess: async () => {
      message.success(t.admin.saved);
      await client.invalidateQueries({ queryKey: ['dispatch-rules'] });
      onDone();
    },
    onError: (err) => setError(problemText(err)),
  });
  return (
    <Modal open title={rule === 'new' ? t.admin.newRule : `${t.admin.editRule} ${rule.id}`} onOk={() => save.mutate()} onCancel={onDone} confirmLoading={save.isPending} okText={t.common.submit} cancelText={t.common.cancel} width={620} destroyOnHidden>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} data-testid="admin-error" />}
      <Form form={form} layout="vertical" name="rule" initialValues={initial}>
        <Form.Item name="categoryId" label={t.common.category} rules={[{ required: true }]}>
          <CategoryPicker id="rule_categoryId" />
        </Form.Item>
        <Form.Item name="areaUnitId" label={t.admin.area} extra={t.admin.areaHint}>
          <UnitPicker id="rule_areaUnitId" placeholder={t.admin.anywhere} />
        </Form.Item>
        <Form.Item name="target" label={t.admin.target}>
          <Radio.Group options={[{ value: 'unit', label: t.admin.toUnit }, { value: 'type', label: t.admin.toUnitType }]} />
        </Form.Item>
        {target === 'type' ? (
          <Form.Item name="unitType" label={t.admin.toUnitType} rules={[{ required: true }]}>
            <Select id="rule_unitType" options={RULE_UNIT_TYPES.map((u) => ({ value: u, label: t.unitType[u] }))} />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" label={t.common.unit} rules={[{ required: true }]}>
            <UnitPicker id="rule_unitId" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t.form.fields.note}>
          <Input id="rule_note" maxLength={500} />
        </Form.Item>
        <Form.Item name="active" label={t.admin.active} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MatchPreview() {
  const { t } = useI18n();
  const units = useUnits();
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [areaUnitId, setAreaUnitId] = useState<string | undefined>();
  const match = useQuery({
    queryKey: ['catalogue', categoryId, areaUnitId ?? null],
    enabled: categoryId !== undefined,
    queryFn: () => unwrap(api.GET('/v1/dispatch-rules/match', { params: { query: { categoryId: categoryId!, ...(areaUnitId && { areaUnitId }) } } })),
    retry: false,
  });
  return (
    <Card size="small" title={t.admin.preview}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <CategoryPicker id="preview_categoryId" value={categoryId} onChange={setCategoryId} placeholder={t.common.category} />
        <UnitPicker id="preview_areaUnitId" value={areaUnitId} onChange={(v) => setAreaUnitId(typeof v === 'string' ? v : undefined)} placeholder={t.common.place} />
        {match.data && (
          <div data-testid="match-preview">
            {match.data.candidates.length === 0 ? (
              <Typography.Text type="secondary">{t.dispatch.suggestionNone}</Typography.Text>
            ) : (
              <Space wrap>
                {match.data.candidates.map((c) => (
                  <Tag key={c.ruleId} color="blue">
                    {units.data?.name(c.unitId)} ({c.ruleId})
                  </Tag>
                ))}
              </Space>
            )}
            <div>
              <Tag color={match.data.autoDispatch ? 'green' : 'default'}>{match.data.autoDispatch ? t.admin.autoDispatch : t.admin.waitsForDispatcher}</Tag>
            </div>
          </div>
        )}
      </Space>
    </Card>
  );
}

function RulesTab({ writes }: { writes: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const units = useUnits();
  const categories = useCategories();
  const [editing, setEditing] = useState<DispatchRule | 'new' | null>(null);
  const rules = useQuery({ queryKey: ['dispatch-rules'], queryFn: () => unwrap(api.GET('/v1/dispatch-rules', { params: { query: {} } })) });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/v1/dispatch-rules/{ruleId}', { params: { path: { ruleId: id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['dispatch-rules'] }),
    onError: (err) => message.error(problemText(err)),
  });
  return (
    <Row gutter={16}>
      <Col xs={24} xl={18}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {writes && (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="new-rule">
              {t.admin.newRule}
            </Button>
          )}
          <Table<DispatchRule>
            rowKey="id"
            size="small"
            loading={rules.isLoading}
            dataSource={rules.data?.items ?? []}
            pagination={{ pageSize: 15, showSizeChanger: false }}
            columns={[
              { title: t.admin.rule, dataIndex: 'id', width: 190, render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
              { title: t.common.category, dataIndex: 'categoryId', render: (id: string) => categories.data?.path(id) ?? id },
              { title: t.admin.area, dataIndex: 'areaUnitId', render: (id: string | null) => (id ? units.data?.name(id) : <Tag>{t.admin.anywhere}</Tag>) },
              {
                title: t.admin.target,
                key: 'target',
                render: (_: unknown, r) => (r.unitId ? units.data?.name(r.unitId) : <Tag color="blue">{`${t.admin.placeOf} ${r.unitType && isUnitType(r.unitType, t.unitType) ? t.unitType[r.unitType] : (r.unitType ?? '')}`}</Tag>),
              },
              { title: t.admin.active, dataIndex: 'active', width: 70, render: (a: boolean) => (a ? <Tag color="green">{t.common.yes}</Tag> : <Tag>{t.common.no}</Tag>) },
              { title: t.admin.updated, key: 'updated', width: 190, render: (_: unknown, r) => `${fmtTime(r.updatedAt, lang)} ${r.updatedBy ?? ''}` },
              ...(writes
                ? [
                    {
                      key: 'edit',
                      width: 130,
                      render: (_: unknown, r: DispatchRule) => (
                        <Space>
                          <Typography.Link onClick={() => setEditing(r)}>{t.admin.edit}</Typography.Link>
                          <Popconfirm title={t.admin.deleteConfirm} onConfirm={() => remove.mutate(r.id)}>
                            <Typography.Link type="danger">{t.admin.delete}</Typography.Link>
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Space>
      </Col>
      <Col xs={24} xl={6}>
        <MatchPreview />
      </Col>
      {editing && <RuleForm rule={editing} onDone={() => setEditing(null)} />}
    </Row>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Versioned documents: the case policy and the assessment policy

interface VersionSummary {
  version: number;
  active: boolean;
  note: string | null;
  createdAt: string;
}

interface VersionedSource {
  key: string;
  list(): Promise<{ activeVersion: number | null; items: VersionSummary[] }>;
  get(version: number): Promise<{ document: Record<string, unknown> }>;
  store(body: unknown): Promise<unknown>;
  activate?(version: number): Promise<unknown>;
}

const casePolicies: VersionedSource = {
  key: 'policies',
  list: () => unwrap(api.GET('/v1/policies')),
  get: (version) => unwrap(api.GET('/v1/policies/{version}', { params: { path: { version: String(version) } } })),
  store: (body) => sendDocument('PUT', '/v1/policies', body),
};
const assessmentPolicies: VersionedSource = {
  key: 'assessment-policies',
  list: () => unwrap(api.GET('/v1/assessment-policies')),
  get: (version) => unwrap(api.GET('/v1/assessment-policies/{version}', { params: { path: { version: String(version) } } })),
  store: (body) => sendDocument('POST', '/v1/assessment-policies', body),
  activate: (version) => unwrap(api.POST('/v1/assessment-policies/{version}/activate', { params: { path: { version: String(version) } } })),
};

/** A document's top-level values in a table: numbers and words as they are, objects as compact JSON. */
function DocumentView({ document }: { document: Record<string, unknown> }) {
  return (
    <Descriptions size="small" column={1} bordered>
      {Object.entries(document).map(([k, v]) => (
        <Descriptions.Item key={k} label={<Typography.Text code>{k}</Typography.Text>}>
          {typeof v === 'object' && v !== null ? (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12, maxHeight: 260, overflow: 'auto' }}>{JSON.stringify(v, null, 2)}</pre>
          ) : (
            <span data-field={k}>{String(v)}</span>
          )}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function VersionsTab({ source, writes }: { source: VersionedSource; writes: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const versions = useQuery({ queryKey: [source.key], queryFn: source.list });
  const [chosen, setChosen] = useState<number | null>(null);
  const shown = chosen ?? versions.data?.activeVersion ?? null;
  const doc = useQuery({ queryKey: [source.key, shown], enabled: shown !== null, queryFn: () => source.get(shown!) });
  const [draft, setDraft] = useState<{ text: string; note: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const store = useMutation({
    mutationFn: async () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(draft!.text);
      } catch (e) {
        throw new Error(`${t.admin.notJson}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(t.admin.notJson);
      return source.store({ ...parsed, ...(draft!.note.trim() && { note: draft!.note.trim() }) });
    },
    onSuccess: async () => {
      message.success(t.admin.saved);
      setDraft(null);
      setChosen(null);
      await client.invalidateQueries({ queryKey: [source.key] });
    },
    onError: (err) => setError(problemText(err)),
  });
  const activate = useMutation({
    mutationFn: (version: number) => source.activate!(version),
    onSuccess: () => client.invalidateQueries({ queryKey: [source.key] }),
    onError: (err) => message.error(problemText(err)),
  });
  const startDraft = () => {
    if (!doc.data) return;
    const { version: _v, ...rest } = doc.data.document;
    setError(null);
    setDraft({ text: JSON.stringify(rest, null, 2), note: '' });
  };
  return (
    <Row gutter={16}>
      <Col xs={24} xl={9}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {writes && (
            <Button type="primary" onClick={startDraft} disabled={!doc.data} data-testid={`new-version-${source.key}`}>
              {t.admin.newVersion}
            </Button>
          )}
          <Table<VersionSummary>
            rowKey="version"
            size="small"
            loading={versions.isLoading}
            dataSource={versions.data?.items ?? []}
            pagination={{ pageSize: 12, showSizeChanger: false }}
            rowClassName={(r) => (r.version === shown ? 'ant-table-row-selected' : '')}
            onRow={(r) => ({ onClick: () => setChosen(r.version), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t.admin.version,
                dataIndex: 'version',
                width: 110,
                render: (v: number, r) => (
                  <Space data-version={v}>
                    v{v}
                    {r.active && <Tag color="green">{t.admin.inForce}</Tag>}
                  </Space>
                ),
              },
              { title: t.form.fields.note, dataIndex: 'note', ellipsis: true, render: (n: string | null) => n ?? '—' },
              { title: t.common.created, dataIndex: 'createdAt', width: 150, render: (at: string) => fmtTime(at, lang) },
            ]}
          />
        </Space>
      </Col>
      <Col xs={24} xl={15}>
        {shown !== null && (
          <Card
            size="small"
            title={`${t.admin.version} v${shown}`}
            extra={
              writes &&
              source.activate &&
              versions.data?.activeVersion !== shown && (
                <Button size="small" onClick={() => activate.mutate(shown)} loading={activate.isPending}>
                  {t.admin.activate}
                </Button>
              )
            }
          >
            {doc.data && <DocumentView document={doc.data.document} />}
          </Card>
        )}
      </Col>
      {draft && (
        <Modal open title={t.admin.newVersion} onOk={() => store.mutate()} onCancel={() => setDraft(null)} confirmLoading={store.isPending} okText={t.common.submit} cancelText={t.common.cancel} width={760} destroyOnHidden>
          <Typography.Paragraph type="secondary">{t.admin.newVersionHint}</Typography.Paragraph>
          {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} data-testid="admin-error" />}
          <Input.TextArea id="document" value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} autoSize={{ minRows: 14, maxRows: 28 }} style={{ fontFamily: 'monospace', fontSize: 12 }} />
          <Input id="document_note" style={{ marginTop: 12 }} placeholder={t.admin.notePlaceholder} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} maxLength={500} />
        </Modal>
      )}
    </Row>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// 工作日历

const DATES = /\d{4}-\d{2}-\d{2}/g;

function LoadYear({ region, onDone }: { region: string; onDone(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ year: number; holidays: string; workdays: string; source: string }>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const v = await form.validateFields();
      return unwrap(
        api.PUT('/v1/calendars/{region}/years/{year}', {
          params: { path: { region, year: String(v.year) } },
          body: { holidays: v.holidays.match(DATES) ?? [], workdays: (v.workdays ?? '').match(DATES) ?? [], source: v.source },
        }),
      );
    },
    onSuccess: async () => {
      message.success(t.admin.saved);
      await client.invalidateQueries({ queryKey: ['calendars'] });
      onDone();
    },
    onError: (err) => setError(problemText(err)),
  });
  return (
    <Modal open title={t.admin.loadYear} onOk={() => save.mutate()} onCancel={onDone} confirmLoading={save.isPending} okText={t.common.submit} cancelText={t.common.cancel} width={680} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t.admin.loadYearHint}</Typography.Paragraph>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} data-testid="admin-error" />}
      <Form form={form} layout="vertical" name="year" initialValues={{ year: new Date().getFullYear() + 1 }}>
        <Form.Item name="year" label={t.admin.year} rules={[{ required: true }]}>
          <InputNumber id="year_year" min={2000} max={2199} precision={0} />
        </Form.Item>
        <Form.Item name="holidays" label={t.admin.holidays} rules={[{ required: true }]}>
          <Input.TextArea id="year_holidays" autoSize={{ minRows: 3, maxRows: 8 }} placeholder="2027-01-01 2027-02-05 …" />
        </Form.Item>
        <Form.Item name="workdays" label={t.admin.workdays}>
          <Input.TextArea id="year_workdays" autoSize={{ minRows: 2, maxRows: 6 }} placeholder="2027-02-20 …" />
        </Form.Item>
        <Form.Item name="source" label={t.admin.source} rules={[{ required: true }]}>
          <Input id="year_source" maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CalendarsTab({ writes }: { writes: boolean }) {
  const { t, lang } = useI18n();
  const calendars = useQuery({ queryKey: ['calendars'], queryFn: () => unwrap(api.GET('/v1/calendars')) });
  const [chosen, setChosen] = useState<{ region: string; year: number } | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const year = useQuery({
    queryKey: ['calendars', chosen?.region, chosen?.year],
    enabled: chosen !== null,
    queryFn: () => unwrap(api.GET('/v1/calendars/{region}/years/{year}', { params: { path: { region: chosen!.region, year: String(chosen!.year) } } })),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {(calendars.data?.items ?? []).map((c) => (
        <Card
          key={c.region}
          size="small"
          title={`${c.name} (${c.region}, ${c.timeZone})`}
          extra={
            writes && (
              <Button type="primary" size="small" onClick={() => setLoading(c.region)} data-testid={`load-year-${c.region}`}>
                {t.admin.loadYear}
              </Button>
            )
          }
        >
          <Typography.Paragraph type="secondary">
            {t.admin.workingHours}: {c.workingHours.map((h) => `${h.start}–${h.end}`).join('、')}
          </Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Table
                rowKey="year"
                size="small"
                pagination={false}
                dataSource={c.years}
                rowClassName={(r) => (chosen?.region === c.region && chosen.year === r.year ? 'ant-table-row-selected' : '')}
                onRow={(r) => ({ onClick: () => setChosen({ region: c.region, year: r.year }), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t.admin.year, dataIndex: 'year', width: 80, render: (y: number) => <span data-year={y}>{y}</span> },
                  { title: t.admin.holidays, dataIndex: 'holidays', width: 80 },
                  { title: t.admin.workdays, dataIndex: 'workdays', width: 80 },
                  { title: t.admin.source, dataIndex: 'source', ellipsis: true },
                  { title: t.admin.updated, dataIndex: 'updatedAt', width: 150, render: (at: string) => fmtTime(at, lang) },
                ]}
              />
            </Col>
            <Col xs={24} xl={12}>
              {chosen?.region === c.region && year.data && (
                <div data-testid="calendar-year">
                  <Typography.Title level={5}>
                    {year.data.year} · {year.data.source}
                  </Typography.Title>
                  <Typography.Text strong>{t.admin.holidays}</Typography.Text>
                  <div style={{ margin: '4px 0 12px' }}>
                    {year.data.holidays.map((d) => (
                      <Tag key={d} color="red">
                        {d}
                      </Tag>
                    ))}
                  </div>
                  <Typography.Text strong>{t.admin.workdays}</Typography.Text>
                  <div style={{ marginTop: 4 }}>
                    {year.data.workdays.map((d) => (
                      <Tag key={d} color="blue">
                        {d}
                      </Tag>
                    ))}
                  </div>
                </div>
              )}
            </Col>
          </Row>
        </Card>
      ))}
      {loading && <LoadYear region={loading} onDone={() => setLoading(null)} />}
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------------------------

export default function AdminDesk() {
  const { t } = useI18n();
  const grants = useGrants();
  const tabs = [
    grants.has('catalogue.read') && { key: 'rules', label: t.admin.rules, children: <RulesTab writes={grants.has('catalogue.write')} /> },
    grants.has('policy.read') && { key: 'policies', label: t.admin.policies, children: <VersionsTab source={casePolicies} writes={grants.has('policy.write')} /> },
    grants.has('assessment.read') && {
      key: 'assessment-policies',
      label: t.admin.assessmentPolicies,
      children: <VersionsTab source={assessmentPolicies} writes={grants.has('assessment_policy.write')} />,
    },
    { key: 'calendars', label: t.admin.calendars, children: <CalendarsTab writes={grants.has('calendar.write')} /> },
  ].filter((x) => x !== false);
  return (
    <>
      <Typography.Paragraph type="secondary">{t.admin.hint}</Typography.Paragraph>
      <Tabs destroyOnHidden items={tabs.map((x) => ({ ...x, label: <span data-tab={x.key}>{x.label}</span> }))} />
    </>
  );
}
