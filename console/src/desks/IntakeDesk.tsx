/**
 * Intake (受理): the complaint form — category from the taxonomy (searchable), place from the organisation tree and
 * an address, the complainant (optional), channel and channel ticket, and triage outcomes that answer the case at
 * once. While the agent types, the likely repeats (POST /v1/repeats/search: the intake's own repeat rules) are shown.
 */
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, List, Radio, Result, Row, Select, Space, Tag, Typography } from 'antd';
import { api, ApiError, unwrap } from '../api/client';
import type { Channel, NewCase, Opened, RepeatSearch } from '../api/types';
import { CategoryPicker, UnitPicker } from '../components/Pickers';
import { bodyOf, fieldErrors, SchemaFields } from '../components/SchemaForm';
import { bodySchema, useOpenApi, useUnits } from '../data';
import { useI18n } from '../i18n';
import { navigate } from '../router';

const CHANNELS: readonly Channel[] = ['phone', 'wechat', 'web', 'app', 'mailbox', 'media', 'opinion_monitoring', 'whistle', 'open311', 'grid_worker', 'letter'];

interface Values {
  title?: string;
  description?: string;
  categoryId?: string;
  channel?: Channel;
  channelTicketId?: string;
  name?: string;
  phone?: string;
  areaUnitId?: string;
  address?: string;
  handling: 'dispatch' | 'triage';
  triage?: unknown;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

const text = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

function LikelyRepeats({ search }: { search: RepeatSearch | null }) {
  const { t, lang } = useI18n();
  const likely = useQuery({
    // Kept in memory only, and only while the form is open (gcTime 0): the draft's phone is part of the search.
    queryKey: ['likely', search],
    queryFn: () => unwrap(api.POST('/v1/repeats/search', { body: search! })),
    enabled: search !== null,
    gcTime: 0,
    retry: false,
  });
  return (
    <Card size="small" title={t.intake.likely} extra={<Typography.Text type="secondary">{t.intake.likelyHint}</Typography.Text>} data-testid="likely-repeats">
      {!search || !likely.data?.items.length ? (
        <Typography.Text type="secondary">{t.intake.likelyNone}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={likely.data.items}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <Space orientation="vertical" size={0}>
                <Space>
                  <Tag color={r.relation === 'master' ? 'red' : 'default'}>{r.relation === 'master' ? t.intake.master : t.intake.match}</Tag>
                  <Typography.Link onClick={() => window.open(`/console/cases/${r.id}`, '_blank', 'noopener')}>{r.id}</Typography.Link>
                  <Tag>{t.status[r.status]}</Tag>
                </Space>
                <Typography.Text type="secondary">
                  {r.title} · {new Date(r.createdAt).toLocaleDateString(lang)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function IntakeDesk() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const doc = useOpenApi();
  const units = useUnits();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [opened, setOpened] = useState<Opened | null>(null);
  const [sending, setSending] = useState(false);
  const caseSchema = doc.data ? bodySchema(doc.data, '/v1/cases') : undefined;
  const triageSchema = caseSchema?.properties?.triage;

  const categoryId = Form.useWatch('categoryId', form);
  const areaUnitId = Form.useWatch('areaUnitId', form);
  const phone = Form.useWatch('phone', form);
  const handling = Form.useWatch('handling', form);
  const draft = useDebounced(
    categoryId && (areaUnitId || (phone && phone.trim().length >= 5))
      ? { categoryId, ...(areaUnitId && { location: { areaUnitId } }), ...(phone?.trim() && { complainant: { phone: phone.trim() } }) }
      : null,
    400,
  );

  async function submit(values: Values) {
    const name = text(values.name);
    const phoneNumber = text(values.phone);
    const triage = values.handling === 'triage' && triageSchema ? bodyOf(triageSchema, values.triage) : undefined;
    const body: NewCase = {
      title: values.title!.trim(),
      description: values.description!.trim(),
      categoryId: values.categoryId!,
      channel: values.channel!,
      ...(text(values.channelTicketId) && { channelTicketId: text(values.channelTicketId) }),
      ...((name || phoneNumber) && { complainant: { ...(name && { name }), ...(phoneNumber && { phone: phoneNumber }) } }),
      ...((values.areaUnitId || text(values.address)) && {
        location: { ...(values.areaUnitId && { areaUnitId: values.areaUnitId }), ...(text(values.address) && { address: text(values.address) }) },
      }),
      ...(triage !== undefined && { triage: triage as NewCase['triage'] }),
    };
    setSending(true);
    try {
      const view = await unwrap(api.POST('/v1/cases', { body, headers: { 'idempotency-key': key } }));
      setOpened(view);
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.problem?.errors) {
          // The form keeps the complainant's and the place's fields flat: body.complainant.phone is the field phone.
          form.setFields(fieldErrors(err.problem.errors).map((f) => (f.name[0] === 'complainant' || f.name[0] === 'location' ? { ...f, name: f.name.slice(1) } : f)));
        }
        message.error(err.problem?.detail ?? err.message);
      } else throw err;
    } finally {
      setSending(false);
    }
  }

  function next() {
    form.resetFields();
    setOpened(null);
    setKey(crypto.randomUUID());
  }

  if (opened) {
    const sub =
      opened.status === 'closed'
        ? `${t.intake.openedTriaged}（${opened.outcome ? t.outcome[opened.outcome] : ''}）`
        : opened.unitId
          ? `${t.intake.openedAuto} ${units.data?.name(opened.unitId) ?? opened.unitId}`
          : t.intake.openedWaiting;
    return (
      <Result
        status="success"
        title={
          <span>
            {t.intake.opened} <Typography.Text code data-testid="opened-case">{opened.id}</Typography.Text>
          </span>
        }
        subTitle={sub}
        extra={[
          <Button type="primary" key="next" onClick={next}>
            {t.intake.newComplaint}
          </Button>,
          <Button key="open" onClick={() => navigate({ page: 'case', id: opened.id })}>
            {t.intake.openCase}
          </Button>,
        ]}
      />
    );
  }

  return (
    <Row gutter={16}>
      <Col xs={24} xl={15}>
        <Card size="small">
          <Form<Values> form={form} layout="vertical" name="intake" initialValues={{ channel: 'phone', handling: 'dispatch' }} onFinish={(v) => void submit(v)}>
            <Row gutter={12}>
              <Col span={16}>
                <Form.Item name="categoryId" label={t.common.category} rules={[{ required: true, message: t.intake.required }]}>
                  <CategoryPicker placeholder={t.intake.categoryPlaceholder} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="channel" label={t.common.channel} rules={[{ required: true }]}>
                  <Select options={CHANNELS.map((c) => ({ value: c, label: t.channel[c] }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="title" label={t.intake.title} rules={[{ required: true, whitespace: true, max: 200, message: t.intake.required }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="description" label={t.intake.description} rules={[{ required: true, whitespace: true, max: 5000, message: t.intake.required }]}>
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="areaUnitId" label={t.intake.place}>
                  <UnitPicker types={['district', 'street', 'community', 'grid']} placeholder={t.intake.placePlaceholder} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="address" label={t.intake.address} rules={[{ max: 300 }]}>
                  <Input maxLength={300} />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="name" label={`${t.intake.complainant} · ${t.intake.name}`} rules={[{ max: 64 }]}>
                  <Input maxLength={64} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="phone" label={t.intake.phone} rules={[{ pattern: /^\+?[0-9][0-9 -]{4,19}$/, message: t.form.fieldError }]} extra={t.intake.anonymousHint}>
                  <Input autoComplete="off" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="channelTicketId" label={t.intake.channelTicketId} rules={[{ max: 128 }]}>
                  <Input maxLength={128} autoComplete="off" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="handling" label={t.intake.handling} extra={handling === 'triage' ? t.intake.triageHint : undefined}>
              <Radio.Group
                options={[
                  { value: 'dispatch', label: t.intake.dispatchNormally },
                  { value: 'triage', label: t.action.triage },
                ]}
              />
            </Form.Item>
            {handling === 'triage' && triageSchema && <SchemaFields schema={triageSchema} path={['triage']} form={form} />}
            <Button type="primary" htmlType="submit" loading={sending} size="large">
              {t.intake.submit}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <LikelyRepeats search={draft} />
      </Col>
    </Row>
  );
}
