/**
 * One action on a case, as the API offered it (GET /v1/cases/{id}/actions): a form built from its route's body schema
 * in the OpenAPI document, sent to its route. A dispatch or reassignment shows the dispatch catalogue's suggestion.
 */
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Space, Tag } from 'antd';
import { api, ApiError, postAction, unwrap } from '../api/client';
import type { CaseView, Offer } from '../api/types';
import { bodySchema, useOpenApi, useUnits } from '../data';
import { useI18n } from '../i18n';
import { bodyOf, fieldErrors, SchemaFields } from './SchemaForm';

/** What a case's views are cached under: refetched after an action. */
export const caseKeys = (id: string) => [['case', id], ['events', id], ['offers', id], ['related', id], ['cases']] as const;

export function ActionModal({ view, offer, onClose }: { view: CaseView; offer: Offer; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const doc = useOpenApi();
  const units = useUnits();
  const client = useQueryClient();
  const [sending, setSending] = useState(false);
  const route = `/v1/cases/{id}/${offer.path}`;
  const schema = doc.data ? bodySchema(doc.data, route) : undefined;
  const routing = offer.action === 'dispatch' || offer.action === 'reassign';
  const areaUnitId = view.location?.areaUnitId;
  const suggestion = useQuery({
    queryKey: ['catalogue', view.categoryId, areaUnitId ?? null],
    queryFn: () => unwrap(api.GET('/v1/dispatch-rules/match', { params: { query: { categoryId: view.categoryId, ...(areaUnitId && { areaUnitId }) } } })),
    enabled: routing,
    retry: false,
  });
  const suggested = suggestion.data?.dispatch?.unitId ?? (suggestion.data?.candidates.length === 1 ? suggestion.data.candidates[0]!.unitId : undefined);
  useEffect(() => {
    if (routing && suggested && !form.getFieldValue('unitId')) form.setFieldValue('unitId', suggested);
  }, [routing, suggested, form]);

  async function submit() {
    if (!schema) return;
    const values: unknown = await form.validateFields();
    setSending(true);
    try {
      await postAction(view.id, offer.path, bodyOf(schema, values));
      message.success(`${t.action[offer.action]}: ${offer.message === 'signal' ? t.caseView.signalSent : t.caseView.done}`);
      const refresh = () => Promise.all(caseKeys(view.id).map((queryKey) => client.invalidateQueries({ queryKey: [...queryKey] })));
      await refresh();
      // A signal is applied by the case a moment after the 202.
      if (offer.message === 'signal') setTimeout(() => void refresh(), 800);
      onClose();
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.problem?.errors) form.setFields(fieldErrors(err.problem.errors));
        message.error(`${t.caseView.failed}: ${err.problem?.detail ?? err.message}`);
      } else throw err;
    } finally {
      setSending(false);
    }
  }

  return (
    <Modal
      open
      title={t.action[offer.action]}
      okText={t.common.submit}
      cancelText={t.common.cancel}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={sending}
      destroyOnHidden
      width={620}
      okButtonProps={{ disabled: !schema }}
    >
      {doc.data && !schema && <Alert type="error" title={`${t.form.invalidPath}: POST ${route}`} />}
      {routing && suggestion.data && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          title={t.dispatch.suggestion}
          description={
            suggestion.data.candidates.length === 0 ? (
              t.dispatch.suggestionNone
            ) : (
              <Space wrap>
                {suggestion.data.candidates.length > 1 && t.dispatch.suggestionMany}
                {suggestion.data.candidates.map((c) => (
                  <Tag key={c.ruleId} color="blue" style={{ cursor: 'pointer' }} onClick={() => form.setFieldValue('unitId', c.unitId)}>
                    {units.data?.name(c.unitId)} ({t.dispatch.rule} {c.ruleId})
                  </Tag>
                ))}
              </Space>
            )
          }
        />
      )}
      {schema && (
        <Form form={form} layout="vertical" requiredMark name={`action-${offer.action}`}>
          <SchemaFields schema={schema} form={form} />
        </Form>
      )}
    </Modal>
  );
}
