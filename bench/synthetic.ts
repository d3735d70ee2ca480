/**
 * Synthetic case rows for the list benchmark, inserted with one generate_series INSERT (no workflows).
 * Distributions, roughly like a year of a city hotline:
 * - status: 70% closed, 4% replied, 4% contacted, 6% accepted, 9% dispatched, 3% returned, 4% received;
 * - unit: the street offices and city departments of the seeded demo city, skewed (a few units get most cases);
 *   none while received or returned;
 * - category: the seeded leaf categories, skewed; sla_class from the category;
 * - created_at: closed cases over the last 365 days, open ones over the last 20 days, denser towards now;
 * - channel: mostly phone; warning: 90% none, 7% yellow, 3% red on open cases;
 * - complainant: fake names and 138xxxxxxxx numbers.
 * Ids start with 'HLU', which no real case number has (U is not in the Crockford alphabet case ids use).
 */
import pg from 'pg';

export const SYNTHETIC_PREFIX = 'HLU';

const INSERT = `
with
  u as (select array_agg(id order by id) as a from units where type in ('street', 'department')),
  c as (
    select array_agg(c1.id order by c1.id) as a from categories c1
    where not exists (select 1 from categories c2 where c2.parent_id = c1.id)
  ),
  g as (
    select
      n,
      random() as r_status, random() as r_unit, random() as r_cat, random() as r_time, random() as r_warn,
      random() as r_ch, random() as r_name
    from generate_series(1, $1::int) as n
  ),
  s as (
    select g.*,
      case
        when r_status < 0.70 then 'closed'
        when r_status < 0.74 then 'replied'
        when r_status < 0.78 then 'contacted'
        when r_status < 0.84 then 'accepted'
        when r_status < 0.93 then 'dispatched'
        when r_status < 0.96 then 'returned'
        else 'received'
      end as status,
      u.a[1 + floor(power(r_unit, 2) * array_length(u.a, 1))::int] as unit,
      c.a[1 + floor(power(r_cat, 1.5) * array_length(c.a, 1))::int] as category
    from g, u, c
  ),
  t as (
    select s.*,
      now() - power(r_time, 1.5) * (case when status = 'closed' then 365 else 20 end) * interval '1 day' as created
    from s
  )
insert into cases (
  id, title, description, channel, category_id, sla_class, policy_version, complainant_name, complainant_phone,
  address, area_unit_id, status, outcome, unit_id, round, warning_level, escalation_level, clocks, reply_due_at,
  dispatch_count, return_count, reassign_count, created_at, updated_at, closed_at, last_seq, received_at
)
select
  '${SYNTHETIC_PREFIX}' || lpad(n::text, 15, '0'),
  '合成工单 ' || n,
  '基准测试生成的合成数据（非真实投诉）',
  case when r_ch < 0.60 then 'phone' when r_ch < 0.75 then 'wechat' when r_ch < 0.85 then 'web' when r_ch < 0.93 then 'app' else 'mailbox' end,
  category,
  (select sla_class from categories where id = category),
  1,
  (array['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'])[1 + floor(r_name * 10)::int] || '某某',
  '138' || lpad(((n * 7919) % 100000000)::text, 8, '0'),
  '临江市合成地址 ' || (n % 500) || ' 号',
  null,
  status,
  case when status = 'closed' then (case when r_warn < 0.9 then 'resolved' else 'unsatisfied' end) end,
  case when status in ('received', 'returned') then null else unit end,
  1,
  case when status = 'closed' or r_warn < 0.90 then 'none' when r_warn < 0.97 then 'yellow' else 'red' end,
  0,
  '{}'::jsonb,
  case when status in ('dispatched', 'accepted', 'contacted') then created + interval '7 days' end,
  case when status = 'received' then 0 else 1 end,
  case when status = 'returned' then 1 else 0 end,
  0,
  created,
  created + interval '2 hours',
  case when status = 'closed' then created + interval '6 days' end,
  case status when 'received' then 2 when 'dispatched' then 3 when 'returned' then 4 when 'accepted' then 4
    when 'contacted' then 5 when 'replied' then 6 else 8 end,
  created
from t
`;

export async function insertSyntheticCases(url: string, count: number): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(INSERT, [count]);
    await c.query('analyze cases');
  } finally {
    await c.end();
  }
}
