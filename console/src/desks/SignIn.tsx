/**
 * Signing in: with the identity provider (OpenID Connect, when the API names one: authorization code with PKCE,
 * console/src/oidc.ts), and outside production the development sign-in — the demo city's people, a token for the
 * chosen one from POST /v1/dev/sign-in.
 */
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Result, Spin, Table, Tag, Typography } from 'antd';
import { api, ApiError, unwrap } from '../api/client';
import type { DevPerson } from '../api/types';
import { useSettings } from '../data';
import { useI18n } from '../i18n';
import { finishOidcSignIn, startOidcSignIn } from '../oidc';
import { navigate } from '../router';
import { session } from '../session';

function OidcButton() {
  const { t } = useI18n();
  const settings = useSettings();
  const [error, setError] = useState<string | null>(null);
  const oidc = settings.data?.oidc;
  if (!oidc) return null;
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Paragraph>{t.signIn.oidcIntro}</Typography.Paragraph>
      <Button
        type="primary"
        size="large"
        data-testid="oidc-sign-in"
        disabled={!oidc.authorizationEndpoint}
        onClick={() => startOidcSignIn(oidc).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))}
      >
        {t.signIn.oidc}
      </Button>
      {!oidc.authorizationEndpoint && <Alert style={{ marginTop: 12 }} type="warning" title={t.signIn.oidcUnreachable} />}
      {error && <Alert style={{ marginTop: 12 }} type="error" title={error} />}
    </div>
  );
}

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
    session.signIn({ token: signed.token, expiresAt: signed.expiresAt, person: signed.person, via: 'dev' });
    navigate({ page: 'home' }, true);
  }
  const nothing = settings.data && !settings.data.devSignIn && !settings.data.oidc;
  return (
    <Card title={settings.data?.oidc ? t.signIn.titleOidc : t.signIn.title} style={{ maxWidth: 900, margin: '24px auto' }}>
      {session.endedBecause() === 'expired' && <Alert type="warning" title={t.app.expired} style={{ marginBottom: 16 }} />}
      <OidcButton />
      {nothing && <Alert type="info" title={t.signIn.notAvailable} />}
      {settings.data?.devSignIn && (
        <>
          {settings.data.oidc && <Divider />}
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

/** /console/signed-in: the identity provider sent the person back; the API trades the code for their token. */
export function SignedIn() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    finishOidcSignIn().then(
      (signed) => {
        client.clear();
        session.signIn({ token: signed.token, expiresAt: signed.expiresAt, person: signed.person, via: 'oidc' });
        navigate({ page: 'home' }, true);
      },
      (e: unknown) => setError(e instanceof ApiError ? (e.problem?.detail ?? e.message) : e instanceof Error ? e.message : String(e)),
    );
  }, [client]);
  if (!error) return <Spin tip={t.signIn.finishing} data-testid="signing-in" />;
  return (
    <Result
      status="warning"
      title={t.signIn.failed}
      subTitle={<span data-testid="sign-in-error">{error}</span>}
      extra={
        <Button type="primary" onClick={() => navigate({ page: 'sign-in' })}>
          {t.signIn.again}
        </Button>
      }
    />
  );
}
