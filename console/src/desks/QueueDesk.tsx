/**
 * The desks that work through lists: tabs of server-side lists (oldest first), and the chosen case beside them in a
 * drawer with everything the case page has — its actions included, only those the API offers this person now.
 */
import { useState, type ReactNode } from 'react';
import { Button, Drawer, Space, Tabs, Typography } from 'antd';
import { CasePanel } from '../components/CasePanel';
import { CaseQueue, type QueueColumns, type QueueFilter } from '../components/CaseQueue';
import { useMe } from '../data';
import { useI18n } from '../i18n';
import { navigate } from '../router';

/** A tab: a case list (its filter and columns), or a list of its own (`render`) whose rows open cases too. */
export type QueueTab = { key: string; label: ReactNode } & (
  | { filter: QueueFilter; columns?: QueueColumns }
  | { render(onOpen: (id: string) => void, selected: string | null): ReactNode }
);

export function QueueDesk({ tabs, hint, toolbar }: { tabs: QueueTab[]; hint: string; toolbar?: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      {toolbar}
      <Tabs
        destroyOnHidden
        items={tabs.map((tab) => ({
          key: tab.key,
          label: <span data-tab={tab.key}>{tab.label}</span>,
          children: 'render' in tab ? tab.render(setOpen, open) : <CaseQueue filter={tab.filter} columns={tab.columns ?? 'work'} onOpen={setOpen} selected={open} />,
        }))}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size={1100}
        title={
          open && (
            <Space>
              {t.desks.case}
              <Button size="small" onClick={() => navigate({ page: 'case', id: open })}>
                {t.common.open}
              </Button>
            </Space>
          )
        }
        destroyOnHidden
      >
        {open && <CasePanel id={open} />}
      </Drawer>
    </>
  );
}

/** 派单台: received and returned cases, oldest first; the dispatch form shows the catalogue's suggestion. */
export function DispatchDesk() {
  const { t } = useI18n();
  return (
    <QueueDesk
      hint={t.dispatch.hint}
      tabs={[
        { key: 'received', label: t.dispatch.received, filter: { status: 'received', order: 'oldest' } },
        { key: 'returned', label: t.dispatch.returned, filter: { status: 'returned', order: 'oldest' } },
      ]}
    />
  );
}

/** 承办工作台: the unit's cases to sign for, to contact, to reply to (and those on hold). */
export function UnitQueueDesk() {
  const { t } = useI18n();
  const me = useMe();
  const unitId = me.data?.unitId ?? undefined;
  if (!me.data) return null;
  const at = (status: QueueFilter['status']): QueueFilter => ({ status, order: 'oldest', ...(unitId && { unitId }) });
  return (
    <QueueDesk
      hint={t.queue.hint}
      tabs={[
        { key: 'dispatched', label: t.queue.toSign, filter: at('dispatched') },
        { key: 'accepted', label: t.queue.toContact, filter: at('accepted') },
        { key: 'contacted', label: t.queue.toReply, filter: at('contacted') },
        { key: 'on_hold', label: t.queue.onHold, filter: at('on_hold') },
      ]}
    />
  );
}

/** 回访台: replied cases waiting for their callback, oldest first; the survey is the callback action's form. */
export function CallbackDesk() {
  const { t } = useI18n();
  return <QueueDesk hint={t.callback.hint} tabs={[{ key: 'replied', label: t.callback.due, filter: { status: 'replied', order: 'oldest' } }]} />;
}
