/**
 * Versioned documents: the case policy (办理时限方案) and the assessment policy (考核方案). Each version read as it was
 * stored; a new version written as JSON from the chosen one, which the API's schema judges (a 400 names the field);
 * an assessment policy version put in force again.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Input, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import { api, sendDocument, unwrap } from '../../api/client';
import { fmtTime } from '../../format';
import { useI18n } from '../../i18n';
import { problemText } from './common';

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

export const casePolicies: VersionedSource = {
  key: 'policies',
  list: () => unwrap(api.GET('/v1/policies')),
  get: (version) => unwrap(api.GET('/v1/policies/{version}', { params: { path: { version: String(version) } } })),
  store: (body) => sendDocument('PUT', '/v1/policies', body),
};
export const assessmentPolicies: VersionedSource = {
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

export function VersionsTab({ source, writes }: { source: VersionedSource; writes: boolean }) {
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
