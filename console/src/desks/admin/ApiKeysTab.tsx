/**
 * 接口密钥 API keys (admins): the credentials of systems — one per channel's system (its complaints say which system
 * handed them over; it reads only the cases it opened), or a system acting under staff roles. A new key is shown
 * once, in the answer to its creation (the API keeps only a hash); revoking stops it within the API's cache time.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { Channel, Role } from '../../api/types';
import { UnitPicker } from '../../components/Pickers';
import { useUnits } from '../../data';
import { fmtTime } from '../../format';
import { useI18n } from '../../i18n';
import { problemText } from './common';

interface NewKeyForm {
  name: string;
  kind: 'channel' | 'roles';
  channel?: Channel;
  roles?: Role[];
  unitId?: string;
  rateLimitPerMinute?: number | null;
}

function NewKey({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<NewKeyForm>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const v = await form.validateFields();
      const rate = v.rateLimitPerMinute ?? null;
      const body =
        v.kind === 'channel'
          ? { name: v.name, channel: v.channel!, rateLimitPerMinute: rate }
          : { name: v.name, roles: v.roles ?? [], unitId: v.unitId ?? null, rateLimitPerMinute: rate };
      return unwrap(api.POST('/v1/api-keys', { body }));
    },
    onSuccess: async (key) => {
      setCreated(key.key);
      await client.invalidateQueries({ queryKey: ['api-keys'] });
    },
    onError: (err) => setError(problemText(err)),
  });
  if (created) {
    return (
      <Modal open title={t.admin.newKey} onOk={onDone} onCancel={onDone} cancelButtonProps={{ style: { display: 'none' } }} okText={t.common.close} destroyOnHidden>
        <Alert type="warning" showIcon title={t.admin.keyCreated} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: created }} code data-testid="api-key-secret" style={{ wordBreak: 'break-all' }}>
          {created}
        </Typography.Paragraph>
      </Modal>
    );
  }
  return (
    <Modal open title={t.admin.newKey} onOk={() => save.mutate()} onCancel={onDone} confirmLoading={save.isPending} okText={t.common.submit} cancelText={t.common.cancel} width={640} destroyOnHidden>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} data-testid="admin-error" />}
      <Form form={form} layout="vertical" name="key" initialValues={{ kind: 'channel' }}>
        <Form.Item name="name" label={t.admin.keyName} rules={[{ required: true }]}>
          <Input id="key_name" maxLength={200} placeholder="12345 微信公众号" />
        </Form.Item>
        <Form.Item name="kind" label={t.admin.keyKind}>
          <Radio.Group
            id="key_kind"
            options={[
              { value: 'channel', label: t.admin.keyForChannel },
              { value: 'roles', label: t.admin.keyForRoles },
            ]}
          />
        </Form.Item>
        {kind !== 'roles' ? (
          <Form.Item name="channel" label={t.common.channel} rules={[{ required: true }]}>
            <Select id="key_channel" options={(Object.keys(t.channel) as Channel[]).map((c) => ({ value: c, label: t.channel[c] }))} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="roles" label={t.admin.keyRoles} rules={[{ required: true }]}>
              <Select id="key_roles" mode="multiple" options={(Object.keys(t.role) as Role[]).map((r) => ({ value: r, label: t.role[r] }))} />
            </Form.Item>
            <Form.Item name="unitId" label={t.admin.keyUnit}>
              <UnitPicker id="key_unitId" placeholder={t.admin.keyNoUnit} />
            </Form.Item>
          </>
        )}
        <Form.Item name="rateLimitPerMinute" label={t.admin.keyRate}>
          <InputNumber id="key_rate" min={1} max={1_000_000} precision={0} placeholder={t.admin.keyRateDefault} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ApiKeysTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const units = useUnits();
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => unwrap(api.GET('/v1/api-keys')) });
  const [creating, setCreating] = useState(false);
  const revoke = useMutation({
    mutationFn: (keyId: string) => unwrap(api.DELETE('/v1/api-keys/{keyId}', { params: { path: { keyId } } })),
    onSuccess: async () => {
      message.success(t.admin.keyRevoked);
      await client.invalidateQueries({ queryKey: ['api-keys'] });
    },
    onError: (err) => message.error(problemText(err)),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t.admin.keysHint}</Typography.Paragraph>
      <Button type="primary" onClick={() => setCreating(true)} data-testid="new-api-key">
        {t.admin.newKey}
      </Button>
      <Table
        rowKey="id"
        size="small"
        loading={keys.isLoading}
        dataSource={keys.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t.admin.keyName, dataIndex: 'name' },
          { title: 'ID', dataIndex: 'id', width: 140, render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
          {
            title: t.admin.keyKind,
            render: (_: unknown, k) =>
              k.channel ? (
                <Tag color="blue">{t.channel[k.channel]}</Tag>
              ) : (
                <Space size={2} wrap>
                  {k.roles.map((r) => (
                    <Tag key={r}>{r in t.role ? t.role[r as Role] : r}</Tag>
                  ))}
                  {k.unitId && <Typography.Text type="secondary">{units.data?.name(k.unitId) ?? k.unitId}</Typography.Text>}
                </Space>
              ),
          },
          { title: t.admin.keyRate, dataIndex: 'rateLimitPerMinute', width: 130, render: (n: number | null) => n ?? t.admin.keyRateDefault },
          { title: t.common.created, dataIndex: 'createdAt', width: 150, render: (at: string) => fmtTime(at, lang) },
          {
            title: t.common.status,
            width: 170,
            render: (_: unknown, k) =>
              k.revokedAt ? (
                <Tag>{`${t.admin.keyRevoked} ${fmtTime(k.revokedAt, lang)}`}</Tag>
              ) : (
                <Space>
                  <Tag color="green">{t.admin.keyInUse}</Tag>
                  <Popconfirm title={t.admin.keyRevokeConfirm} onConfirm={() => revoke.mutate(k.id)} okText={t.admin.keyRevoke} cancelText={t.common.cancel}>
                    <Button size="small" danger data-testid={`revoke-${k.id}`}>
                      {t.admin.keyRevoke}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {creating && <NewKey onDone={() => setCreating(false)} />}
    </Space>
  );
}
