/** A case's clock as the queues and the case page show it: its colour (none, yellow, red, overdue) and the time left. */
import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import type { WarningLevel } from '../api/types';
import { fmtDuration, fmtTime } from '../format';
import { useI18n } from '../i18n';

/** The time now, refreshed every 30 s (the time left moves while the desk is open). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const COLOR: Record<WarningLevel | 'overdue', string> = { none: 'green', yellow: 'gold', red: 'red', overdue: 'magenta' };

export function ClockTag({ warningLevel, dueAt }: { warningLevel: WarningLevel; dueAt: string | null }) {
  const { t, lang } = useI18n();
  const now = useNow();
  if (!dueAt) return <Tag color={warningLevel === 'none' ? undefined : COLOR[warningLevel]}>{t.warning[warningLevel]}</Tag>;
  const left = Date.parse(dueAt) - now;
  const overdue = left < 0;
  const colour = overdue ? 'overdue' : warningLevel;
  const text = overdue ? `${t.common.overdue} ${fmtDuration(left, lang)}` : `${t.warning[warningLevel]} · ${t.common.leftShort} ${fmtDuration(left, lang)}`;
  return (
    <Tooltip title={`${t.common.dueAt} ${fmtTime(dueAt, lang)}`}>
      <Tag color={COLOR[colour]} data-clock={colour}>
        {text}
      </Tag>
    </Tooltip>
  );
}
