/** 工作日历 The official working calendars: each year's days off and make-up working days; an admin loads a year. */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { fmtTime } from '../../format';
import { useI18n } from '../../i18n';
import { problemText } from './common';

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

export function CalendarsTab({ writes }: { writes: boolean }) {
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
