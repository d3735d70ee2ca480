/** Times and durations as the desks show them: in the city's time zone (Asia/Shanghai), in the chosen language. */
import type { Lang } from './i18n';

const ZONE = 'Asia/Shanghai';

export function fmtTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** 2天3小时 / 2 d 3 h; 45分钟 / 45 min (the two largest units); 20秒 / 20 s. */
export function fmtDuration(ms: number, lang: Lang): string {
  const zhSeconds = lang === 'zh-CN';
  // Under a minute (a clock of seconds, or the last of one): seconds.
  if (Math.abs(ms) < 60_000) return zhSeconds ? `${Math.round(Math.abs(ms) / 1000)}秒` : `${Math.round(Math.abs(ms) / 1000)} s`;
  const m = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  const zh = lang === 'zh-CN';
  const parts: string[] = [];
  if (d) parts.push(zh ? `${d}天` : `${d} d`);
  if (h) parts.push(zh ? `${h}小时` : `${h} h`);
  if (!d && (min || !h)) parts.push(zh ? `${min}分钟` : `${min} min`);
  return parts.slice(0, 2).join(zh ? '' : ' ');
}
