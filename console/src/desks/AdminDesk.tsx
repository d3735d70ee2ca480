/**
 * 管理台 Administration desk: what the API lets the signed-in person manage, each tab by its grant — the dispatch
 * catalogue (派单目录: admins everywhere, a dispatcher in their subtree; with a preview of what a case would match),
 * the case policy versions (办理时限方案) and the assessment policy versions (考核方案) — each a versioned document,
 * read as it was stored, a new version written as JSON that the API's schema judges (a 400 names the field) — and the
 * official working calendars (工作日历: each year's holidays and make-up days; an admin loads a new year) and the API
 * keys of systems (接口密钥: one per channel's system; admins).
 */
import { Tabs, Typography } from 'antd';
import { useGrants } from '../data';
import { useI18n } from '../i18n';
import { ApiKeysTab } from './admin/ApiKeysTab';
import { CalendarsTab } from './admin/CalendarsTab';
import { RulesTab } from './admin/RulesTab';
import { assessmentPolicies, casePolicies, VersionsTab } from './admin/VersionsTab';

export default function AdminDesk() {
  const { t } = useI18n();
  const grants = useGrants();
  const tabs = [
    grants.has('catalogue.read') && { key: 'rules', label: t.admin.rules, children: <RulesTab writes={grants.has('catalogue.write')} /> },
    grants.has('policy.read') && { key: 'policies', label: t.admin.policies, children: <VersionsTab source={casePolicies} writes={grants.has('policy.write')} /> },
    grants.has('assessment.read') && {
      key: 'assessment-policies',
      label: t.admin.assessmentPolicies,
      children: <VersionsTab source={assessmentPolicies} writes={grants.has('assessment_policy.write')} />,
    },
    { key: 'calendars', label: t.admin.calendars, children: <CalendarsTab writes={grants.has('calendar.write')} /> },
    grants.has('api_key.manage') && { key: 'api-keys', label: t.admin.apiKeys, children: <ApiKeysTab /> },
  ].filter((x) => x !== false);
  return (
    <>
      <Typography.Paragraph type="secondary">{t.admin.hint}</Typography.Paragraph>
      <Tabs destroyOnHidden items={tabs.map((x) => ({ ...x, label: <span data-tab={x.key}>{x.label}</span> }))} />
    </>
  );
}
