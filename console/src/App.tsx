/** The console's frame: who is signed in, the desks their grants open, the language, and the page of the route. */
import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Input, Layout, Menu, Result, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import type { AccessAction } from './api/types';
import { CasePanel } from './components/CasePanel';
import { useGrants, useMe } from './data';
import { IntakeDesk } from './desks/IntakeDesk';
import { CallbackDesk, DispatchDesk, UnitQueueDesk } from './desks/QueueDesk';
import { SignedIn, SignIn } from './desks/SignIn';
import { ReviewDesk, SupervisionDesk } from './desks/SupervisionDesk';
import { useI18n } from './i18n';
import { useLiveCases } from './live';
import { hrefOf, navigate, useRoute, type Route } from './router';
import { session } from './session';

type Desk = Extract<Route['page'], 'intake' | 'dispatch' | 'queue' | 'callback' | 'supervision' | 'review' | 'analysis' | 'admin'>;
/** Which grant of the access table opens a desk, or any of several (the API still decides every answer). */
const DESKS: ReadonlyArray<{ page: Desk; grant: AccessAction | readonly AccessAction[] }> = [
  { page: 'intake', grant: 'case.open' },
  { page: 'dispatch', grant: 'case.dispatch' },
  { page: 'queue', grant: 'case.accept' },
  { page: 'callback', grant: 'case.callback' },
  { page: 'supervision', grant: 'case.escalate' },
  { page: 'review', grant: 'case.review' },
  { page: 'analysis', grant: 'assessment.read' },
  // The administration desk: whoever writes the catalogue (admins; dispatchers in their subtree), policies or calendars.
  { page: 'admin', grant: ['catalogue.write', 'policy.write', 'calendar.write', 'assessment_policy.write'] },
];
const opens = (grants: { has(a: AccessAction): boolean }, d: (typeof DESKS)[number]) =>
  typeof d.grant === 'string' ? grants.has(d.grant) : d.grant.some((g) => grants.has(g));

const HOME_FIRST: readonly Desk[] = ['dispatch', 'queue', 'callback', 'supervision', 'review', 'admin', 'analysis', 'intake'];

/** The analysis desk and its charts (ECharts) load when first opened: the other desks' first load stays small. */
const AnalysisDesk = lazy(() => import('./desks/AnalysisDesk'));
const AdminDesk = lazy(() => import('./desks/AdminDesk'));

const CASE_NUMBER = /^HL[0-9A-Z]{16}$/;

function Page({ route }: { route: Route }) {
  const { t } = useI18n();
  const grants = useGrants();
  const desks = DESKS.filter((d) => opens(grants, d));
  // Home is the desk of the person's own work: a dispatcher (who may also open cases) lands on the dispatch desk.
  const home = HOME_FIRST.find((page) => desks.some((d) => d.page === page));
  useEffect(() => {
    if (route.page === 'home' && home) navigate({ page: home }, true);
  }, [route.page, home]);
  if (!grants.ready) return <Spin />;
  switch (route.page) {
    case 'case':
      return <CasePanel id={route.id} />;
    case 'home':
    case 'sign-in':
    case 'signed-in':
      return desks.length ? <Spin /> : <Result status="info" title={t.app.title} subTitle={t.app.findCase} />;
    default: {
      if (!desks.some((d) => d.page === route.page)) return <Result status="403" title="403" />;
      switch (route.page) {
        case 'intake':
          return <IntakeDesk />;
        case 'dispatch':
          return <DispatchDesk />;
        case 'queue':
          return <UnitQueueDesk />;
        case 'callback':
          return <CallbackDesk />;
        case 'supervision':
          return <SupervisionDesk />;
        case 'review':
          return <ReviewDesk />;
        case 'analysis':
          return (
            <Suspense fallback={<Spin />}>
              <AnalysisDesk />
            </Suspense>
          );
        case 'admin':
          return (
            <Suspense fallback={<Spin />}>
              <AdminDesk />
            </Suspense>
          );
      }
    }
  }
}

export function AppFrame() {
  const { t, lang, setLang } = useI18n();
  const client = useQueryClient();
  const route = useRoute();
  const signedIn = useSyncExternalStore(session.subscribe, session.current);
  const me = useMe();
  const grants = useGrants();
  const desks = DESKS.filter((d) => opens(grants, d));
  const live = useLiveCases(signedIn?.token ?? null);
  useEffect(() => {
    document.title = t.app.title;
  }, [t]);
  const languageSwitch = (
    <Button size="small" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')} data-testid="language">
      {t.app.language}
    </Button>
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
          {t.app.title}
        </Typography.Text>
        {signedIn && (
          <Menu
            theme="dark"
            mode="horizontal"
            style={{ flex: 1, minWidth: 0 }}
            selectedKeys={[route.page]}
            items={desks.map((d) => ({ key: d.page, label: <a href={hrefOf({ page: d.page })} onClick={(e) => (e.preventDefault(), navigate({ page: d.page }))}>{t.desks[d.page]}</a> }))}
          />
        )}
        {!signedIn && <div style={{ flex: 1 }} />}
        <Space>
          {signedIn && (
            <Input.Search
              size="small"
              placeholder={t.app.findCasePlaceholder}
              style={{ width: 220 }}
              onSearch={(v) => {
                const id = v.trim().toUpperCase();
                if (CASE_NUMBER.test(id)) navigate({ page: 'case', id });
              }}
            />
          )}
          {signedIn && (
            <Tooltip title={t.app.liveHint[live]}>
              <Badge status={live === 'live' ? 'success' : live === 'connecting' ? 'processing' : 'default'} text={<span style={{ color: '#fff' }}>{t.app.live[live]}</span>} data-testid="live" data-live={live} />
            </Tooltip>
          )}
          {signedIn && (
            <Typography.Text style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="who">
              {signedIn.person.name} <Tag>{t.role[signedIn.person.role]}</Tag>
            </Typography.Text>
          )}
          {languageSwitch}
          {signedIn && (
            <Button
              size="small"
              onClick={() => {
                // What this person read leaves the browser's memory with them.
                client.clear();
                session.signOut();
                navigate({ page: 'sign-in' });
              }}
            >
              {t.app.signOut}
            </Button>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        {route.page === 'signed-in' && !signedIn ? <SignedIn /> : !signedIn ? <SignIn /> : me.isLoading ? <Spin /> : <Page route={route} />}
      </Layout.Content>
    </Layout>
  );
}
