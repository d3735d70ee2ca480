/**
 * The development sign-in (only outside production: the API does not offer it otherwise): the demo city's people, and
 * a token for the chosen one from POST /v1/dev/sign-in. The final product signs in through OIDC.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import type { DevPerson } from '../api/types';
import { useSettings } from '../data';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { session } from '../session';

export function SignIn() {
  const { t } = useI18n();
  const settings = useSettings();
  const client = useQueryClient();
  const people = useQuery({
    queryKey: ['dev-people'],
    queryFn: () => unwrap(api.GET('/v1/dev/people')),
    enabled: settings.data?.devSignIn === true,
  });
  async function signInAs(p: DevPerson) {
    const signed = await unwrap(api.POST('/v1/dev/sign-in', { body: { key: p.key } }));
    client.clear();
    session.signIn({ token: signed.token, expiresAt: signed.expiresAt, person: signed.person });
    navigate({ page: 'home' }, true);
  }
  return (
    <Card title={t.signIn.title} style={{ maxWidth: 900, margin: '24px auto' }}>
      {session.endedBecause() === 'expired' && <Alert type="warning" title={t.app.expired} style={{ marginBottom: 16 }} />}
      {settings.data && !settings.data.devSignIn ? (
        <Alert type="info" title={t.signIn.notAvailable} />
      ) : (
        <>
          <Typography.Paragraph>
            {t.signIn.intro} <Tag color="orange">{t.signIn.devOnly}</Tag>
          </Typography.Paragraph>
          <Table<DevPerson>
            rowKey="key"
            size="small"
            loading={people.isLoading}
            dataSource={people.data?.items ?? []}
            pagination={false}
            columns={[
              { title: t.signIn.person, dataIndex: 'name' },
              { title: t.signIn.role, dataIndex: 'role', render: (r: DevPerson['role']) => t.role[r] },
              { title: t.signIn.unit, dataIndex: 'unitName', render: (n: string | null, p) => n ?? p.unitId },
              {
                key: 'go',
                width: 100,
                render: (_: unknown, p) => (
                  <Button type="primary" size="small" data-person={p.key} onClick={() => void signInAs(p)}>
                    {t.signIn.signInAs}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
