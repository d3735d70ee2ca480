/**
 * A case's photos, videos and links (GET /v1/cases/{id}/attachments), as the signed-in person may see them.
 * Thumbnails load through the short-lived signed link the API issues for each file after its access check (never a
 * stored address: links expire); a link that came with the complaint (Open311's media_url) is shown as a link, not
 * loaded. Upload and withdrawal are offered where the access table grants them; the API decides the stage and the
 * state (a refusal shows its reason).
 */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Image, Popconfirm, Space, Tag, Typography, Upload } from 'antd';
import { api, ApiError, unwrap, uploadAttachment } from '../api/client';
import type { Attachment } from '../api/types';
import { useGrants } from '../data';
import { fmtTime } from '../format';
import { useI18n } from '../i18n';

/** Types a browser shows in an <img> (HEIC and HEIF it does not). */
const SHOWN_IMAGES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'];

function isStaffItem(a: unknown): a is Attachment {
  return typeof a === 'object' && a !== null && 'addedBy' in a;
}

function Preview({ caseId, a }: { caseId: string; a: Attachment }) {
  const { t } = useI18n();
  const link = useQuery({
    queryKey: ['attachment-link', caseId, a.id],
    queryFn: () => unwrap(api.GET('/v1/cases/{id}/attachments/{attachmentId}/link', { params: { path: { id: caseId, attachmentId: a.id }, query: {} } })),
    enabled: a.kind === 'file' && a.removedAt === null,
    // Links live ATTACHMENT_LINK_TTL (5 minutes by default): ask again well before.
    staleTime: 60_000,
    refetchInterval: 120_000,
  });
  if (a.kind === 'link') {
    return (
      <Typography.Link href={a.url ?? undefined} target="_blank" rel="noreferrer noopener">
        {a.url}
      </Typography.Link>
    );
  }
  if (a.removedAt !== null) return <Tag>{t.attachments.removed}</Tag>;
  const url = link.data?.url;
  if (!url) return <Typography.Text type="secondary">{t.common.loading}</Typography.Text>;
  if (a.mediaType && SHOWN_IMAGES.includes(a.mediaType)) return <Image width={96} height={96} style={{ objectFit: 'cover' }} src={url} alt={a.fileName ?? a.id} />;
  if (a.mediaType?.startsWith('video/')) return <video src={url} controls preload="metadata" width={200} />;
  return (
    <Typography.Link href={url} target="_blank" rel="noreferrer">
      {t.attachments.open}
    </Typography.Link>
  );
}

export function Attachments({ caseId }: { caseId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const grants = useGrants();
  const queryClient = useQueryClient();
  const [withReply, setWithReply] = useState(false);
  const [busy, setBusy] = useState(false);
  const list = useQuery({ queryKey: ['attachments', caseId], queryFn: () => unwrap(api.GET('/v1/cases/{id}/attachments', { params: { path: { id: caseId } } })) });
  const items = (list.data?.items ?? []).filter(isStaffItem);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['attachments', caseId] });
  const failed = (err: unknown) => message.error(`${t.attachments.failed}: ${err instanceof ApiError ? (err.problem?.detail ?? err.message) : String(err)}`);

  async function remove(a: Attachment) {
    try {
      await unwrap(api.DELETE('/v1/cases/{id}/attachments/{attachmentId}', { params: { path: { id: caseId, attachmentId: a.id } } }));
      message.success(t.attachments.removed);
    } catch (err) {
      failed(err);
    }
    await refresh();
  }

  return (
    <Card size="small" title={t.attachments.title} style={{ marginBottom: 16 }} data-testid="attachments">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {items.length === 0 && <Typography.Text type="secondary">{t.common.none}</Typography.Text>}
        {items.map((a) => (
          <Space key={a.id} align="start" wrap data-attachment={a.id}>
            <Preview caseId={caseId} a={a} />
            <div>
              <div>
                <Typography.Text strong={a.removedAt === null} delete={a.removedAt !== null}>
                  {a.fileName ?? a.url ?? a.id}
                </Typography.Text>{' '}
                <Tag>{t.attachments.stage[a.stage]}</Tag>
                {a.addedBy.kind === 'complainant' && <Tag color="blue">{t.attachments.byComplainant}</Tag>}
              </div>
              <Typography.Text type="secondary">
                {fmtTime(a.createdAt, lang)}
                {a.sizeBytes !== null ? ` · ${Math.max(1, Math.round(a.sizeBytes / 1024))} KB` : ''}
                {a.mediaType ? ` · ${a.mediaType}` : ''}
              </Typography.Text>
              {grants.has('case.detach') && a.removedAt === null && (
                <div>
                  <Popconfirm title={t.attachments.removeConfirm} onConfirm={() => remove(a)}>
                    <Button size="small" type="link" danger>
                      {t.attachments.remove}
                    </Button>
                  </Popconfirm>
                </div>
              )}
            </div>
          </Space>
        ))}
        {grants.has('case.attach') && (
          <Space wrap>
            <Upload
              accept="image/*,video/*"
              showUploadList={false}
              disabled={busy}
              customRequest={async ({ file }) => {
                setBusy(true);
                try {
                  await uploadAttachment(caseId, file as File, withReply ? 'reply' : undefined);
                  message.success(t.attachments.uploaded);
                } catch (err) {
                  failed(err);
                } finally {
                  setBusy(false);
                  await refresh();
                }
              }}
            >
              <Button loading={busy} data-testid="upload-attachment">
                {t.attachments.upload}
              </Button>
            </Upload>
            {grants.has('case.reply') && (
              <Checkbox checked={withReply} onChange={(e) => setWithReply(e.target.checked)}>
                {t.attachments.withReply}
              </Checkbox>
            )}
            <Typography.Text type="secondary">{t.attachments.hint}</Typography.Text>
          </Space>
        )}
      </Space>
    </Card>
  );
}
