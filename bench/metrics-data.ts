/**
 * Synthetic closed cases for the metrics benchmark (`npm run bench:metrics`), written the way the product writes
 * them: the case rows, their events, what each case contributes (case_contributions, as
 * domain/assessment.rules.ts `caseContributions` would answer for such a case) and the counters summed from it.
 * All in SQL (generate_series), no workflows: a year of a large city's hotline in minutes.
 *
 * Each case, over the 12 months before `until` (local days, Asia/Shanghai):
 * - a unit among the seeded demo city's communities, streets and departments (skewed: a few get most), a leaf
 *   category (skewed); received, dispatched the same day, signed for, contacted, replied 1–10 days later, called
 *   back and closed the same day as the callback;
 * - outcome: 87 % resolved, 8 % unsatisfied, 3 % callback_invalid, 2 % no_contact; of the reached callbacks
 *   90 % contacted, 82 % resolved, satisfaction 70 % satisfied / 20 % basically / 10 % unsatisfied;
 * - sign-for on time 96 %, reply on time 90 %;
 * - events: received, dispatched, accepted, contacted, replied, callback_recorded, closed (7 per case).
 * Ids start with 'HLM' (M is not in the Crockford alphabet real case ids use), so they never meet a real case.
 *
 * With \`places\` (the reports' bench, bench/reports.ts), each case also has a place unit, coordinates for most, and a
 * caller of its own out of a few million numbers (PLACES below), so hot spots, cells and group complaints have
 * something to find; without it (bench:metrics) the cases are as they always were: no place, one number for all.
 */
import type pg from 'pg';

export const METRICS_PREFIX = 'HLM';

/** Local offset of the seeded calendar (Asia/Shanghai, +08:00): the days below are local days. */
const OFFSET = `interval '8 hours'`;

/** One staging table with every synthetic case's facts, from which the rows of each table are made. */
const STAGE = `
create unlogged table bench_metrics_stage as
with
  u as (select array_agg(id order by id) as a from units where type in ('community', 'street', 'department')),
  c as (
    select array_agg(c1.id order by c1.id) as a from categories c1
    where not exists (select 1 from categories c2 where c2.parent_id = c1.id)
  ),
  g as (
    select n, random() as r_unit, random() as r_cat, random() as r_time, random() as r_days, random() as r_out,
      random() as r_contact, random() as r_resolved, random() as r_sat, random() as r_sign, random() as r_reply
    from generate_series(1, __N__) as n
  )
select
  '${METRICS_PREFIX}' || lpad(n::text, 15, '0') as id,
  u.a[1 + floor(power(r_unit, 2) * array_length(u.a, 1))::int] as unit_id,
  c.a[1 + floor(power(r_cat, 1.5) * array_length(c.a, 1))::int] as category_id,
  '__UNTIL__'::timestamptz - (r_time * 365 + 11) * interval '1 day' as received_at,
  1 + floor(r_days * 10)::int as days,
  case when r_out < 0.87 then 'resolved' when r_out < 0.95 then 'unsatisfied' when r_out < 0.98 then 'callback_invalid' else 'no_contact' end as outcome,
  r_contact < 0.90 as contacted,
  r_resolved < 0.82 as resolved,
  case when r_sat < 0.70 then 'satisfied' when r_sat < 0.90 then 'basically_satisfied' else 'unsatisfied' end as satisfaction,
  r_sign < 0.96 as sign_on_time,
  r_reply < 0.90 as reply_on_time__PLACES__
from g, u, c__PLACES_FROM__`;

/** [0, 1) from a case's number and a seed: hashes, not random(), so the cases' other facts stay as bench:metrics has them. */
const h = (seed: number) => `((hashint8extended(n::int8, ${seed}) & 2147483647)::float8 / 2147483648)`;
/** The centre a case is around (one of 400, the first ones busiest), as [0, 1) from the centre's number and a seed. */
const centre = (seed: number) => `((hashint4extended(floor(power(${h(3)}, 1.6) * 400)::int4, ${seed}) & 2147483647)::float8 / 2147483648)`;

/**
 * Where each case is and who called (\`places\`: for the reports' bench): a place unit among the communities and grids
 * (skewed), coordinates for 70 % of them around one of 400 centres in a 0.3° square (skewed: the busiest centres are
 * hot spots) — most within ±0.005° of it (about 50 cells of precision 7), 30 % within ±0.0003° (the one building
 * whose lift or noise many people call about: group complaints form there) —, and a caller out of 3,000,000 numbers
 * (5 % none).
 */
const SPREAD = `(case when ${h(9)} < 0.3 then 0.0006 else 0.01 end)`;
const PLACES = `,
  pl.a[1 + floor(power(${h(1)}, 2) * array_length(pl.a, 1))::int] as area_unit_id,
  case when ${h(2)} < 0.7 then 30.45 + 0.3 * ${centre(7)} + (${h(4)} - 0.5) * ${SPREAD} end as lat,
  case when ${h(2)} < 0.7 then 114.15 + 0.3 * ${centre(8)} + (${h(5)} - 0.5) * ${SPREAD} end as lng,
  case when ${h(6)} < 0.05 then null else '139' || lpad(floor(${h(7)} * 3000000)::int::text, 8, '0') end as phone`;
const PLACES_FROM = `,
  (select array_agg(id order by id) as a from units where type in ('community', 'grid')) pl`;

const CASES = `
insert into cases (
  id, title, description, channel, category_id, sla_class, policy_version, complainant_name, complainant_phone,
  no_contact, received_at, address, status, outcome, unit_id, round, warning_level, escalation_level, clocks,
  dispatch_count, dispatch_history, rounds, created_at, updated_at, closed_at, last_seq__PLACE_COLUMNS__
)
select
  s.id, '合成工单', '基准测试生成的合成数据（非真实投诉）', 'phone', s.category_id,
  (select sla_class from categories where id = s.category_id), 1, '某某', __PHONE__,
  s.outcome = 'no_contact', s.received_at, '临江市合成地址', 'closed', s.outcome, s.unit_id, 1, 'none', 0, '{}'::jsonb,
  1,
  jsonb_build_array(jsonb_build_object('unitId', s.unit_id, 'kind', 'dispatch', 'at', s.received_at + interval '1 hour', 'by', 'bench', 'round', 1)),
  case when s.outcome in ('resolved', 'unsatisfied') then jsonb_build_array(jsonb_build_object(
    'round', 1, 'unitId', s.unit_id, 'repliedAt', s.received_at + s.days * interval '1 day',
    'callbackAt', s.received_at + s.days * interval '1 day' + interval '3 hours',
    'contacted', s.contacted, 'resolved', s.resolved, 'satisfaction', s.satisfaction)) else '[]'::jsonb end,
  s.received_at, s.received_at + s.days * interval '1 day' + interval '3 hours',
  s.received_at + s.days * interval '1 day' + interval '3 hours', 7__PLACE_VALUES__
from bench_metrics_stage s`;

const EVENTS = `
insert into case_events (case_id, seq, type, actor_id, actor_role, at, data, projection_version)
select s.id, e.seq, e.type, 'bench', 'system', e.at, '{}'::jsonb, 1
from bench_metrics_stage s
cross join lateral (values
  (1, 'received', s.received_at),
  (2, 'dispatched', s.received_at + interval '1 hour'),
  (3, 'accepted', s.received_at + interval '2 hours'),
  (4, 'contacted', s.received_at + interval '3 hours'),
  (5, 'replied', s.received_at + s.days * interval '1 day'),
  (6, 'callback_recorded', s.received_at + s.days * interval '1 day' + interval '3 hours'),
  (7, 'closed', s.received_at + s.days * interval '1 day' + interval '3 hours')
) as e(seq, type, at)`;

/** What each case contributes, by the rules of domain/assessment.rules.ts for a case of this shape. */
const CONTRIBUTIONS = `
insert into case_contributions (case_id, unit_id, category_id, day, counter, round, n)
select s.id, s.unit_id, s.category_id, to_char(k.at + ${OFFSET}, 'YYYY-MM-DD'), k.counter, 1, 1
from bench_metrics_stage s
cross join lateral (
  select s.received_at + interval '1 hour' as dispatched_at,
         s.received_at + s.days * interval '1 day' + interval '3 hours' as closed_at
) t
cross join lateral (values
  ('dispatched', t.dispatched_at, true),
  ('assigned', t.dispatched_at, true),
  ('assigned_closed', t.dispatched_at, true),
  ('sign_for_due', t.dispatched_at, true),
  ('sign_for_on_time', t.dispatched_at, s.sign_on_time),
  ('reply_due', t.closed_at - interval '3 hours', true),
  ('reply_on_time', t.closed_at - interval '3 hours', s.reply_on_time),
  ('closed', t.closed_at, true),
  ('valid', t.closed_at, s.outcome in ('resolved', 'unsatisfied')),
  ('round_judged', t.closed_at, s.outcome in ('resolved', 'unsatisfied')),
  ('contacted', t.closed_at, s.outcome in ('resolved', 'unsatisfied') and s.contacted),
  ('resolved', t.closed_at, s.outcome in ('resolved', 'unsatisfied') and s.resolved),
  (s.satisfaction, t.closed_at, s.outcome in ('resolved', 'unsatisfied')),
  ('excluded_invalid_callback', t.closed_at, s.outcome = 'callback_invalid'),
  ('excluded_no_contact', t.closed_at, s.outcome = 'no_contact')
) as k(counter, at, present)
where k.present`;

export interface GeneratedMetrics {
  cases: number;
  events: number;
  contributions: number;
  counters: number;
  seconds: Record<'stage' | 'cases' | 'events' | 'contributions' | 'counters' | 'analyze', number>;
}

/**
 * Writes `n` synthetic closed cases ending before `until` and sums their counters with `sumCounters` (the product's
 * own alignment of the counters with the contributions, so the counters are what the product would hold; it answers
 * the counter rows it wrote). `progress` reports each step.
 */
export async function generateMetricsData(
  db: pg.Client,
  n: number,
  until: Date,
  sumCounters: () => Promise<number>,
  progress: (s: string) => void,
  options: { places?: boolean } = {},
): Promise<GeneratedMetrics> {
  const places = options.places ?? false;
  const seconds = {} as GeneratedMetrics['seconds'];
  const step = async (name: keyof GeneratedMetrics['seconds'], sql: string): Promise<number> => {
    const t0 = performance.now();
    const r = await db.query(sql);
    seconds[name] = (performance.now() - t0) / 1000;
    progress(`  ${name}: ${(r.rowCount ?? 0).toLocaleString('en')} rows in ${seconds[name].toFixed(1)} s`);
    return r.rowCount ?? 0;
  };
  await db.query('select setseed(0.42)');
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--cases must be a positive whole number (got ${n})`);
  await db.query('drop table if exists bench_metrics_stage');
  await step(
    'stage',
    STAGE.replace('__N__', String(n))
      .replace('__UNTIL__', until.toISOString())
      .replace('__PLACES__', places ? PLACES : '')
      .replace('__PLACES_FROM__', places ? PLACES_FROM : ''),
  );
  const cases = await step(
    'cases',
    CASES.replace('__PLACE_COLUMNS__', places ? ', area_unit_id, lat, lng' : '')
      .replace('__PHONE__', places ? 's.phone' : `'13800000000'`)
      .replace('__PLACE_VALUES__', places ? ', s.area_unit_id, s.lat, s.lng' : ''),
  );
  const events = await step('events', EVENTS);
  const contributions = await step('contributions', CONTRIBUTIONS);
  const t0 = performance.now();
  const counters = await sumCounters();
  seconds.counters = (performance.now() - t0) / 1000;
  progress(`  counters: ${counters.toLocaleString('en')} rows in ${seconds.counters.toFixed(1)} s`);
  await step('analyze', 'analyze');
  await db.query('drop table bench_metrics_stage');
  return { cases, events, contributions, counters, seconds };
}
