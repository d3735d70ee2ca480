/**
 * 派单目录 The dispatch catalogue: its rules (admins everywhere, a dispatcher in their subtree — the API decides each
 * write), a form for a new or changed rule, and a preview of what a case of a category at a place would match.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Popconfirm, Radio, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { DispatchRule, NewDispatchRule, RuleUnitType, UnitType } from '../../api/types';
import { CategoryPicker, UnitPicker } from '../../components/Pickers';
import { useCategories, useUnits } from '../../data';
import { fmtTime } from '../../format';
import { useI18n } from '../../i18n';
import { problemText } from './common';

const RULE_UNIT_TYPES: readonly RuleUnitType[] = ['district', 'street', 'community', 'grid'];
const isUnitType = (u: string, labels: Record<UnitType, string>): u is UnitType => Object.hasOwn(labels, u);

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

export function RulesTab({ writes }: { writes: boolean }) {
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
