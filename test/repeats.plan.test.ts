/**
 * The repeat search at intake reads three indexes, never the whole table (api/repeats.repository.ts).
 *
 * Every intake runs it, so a sequential scan would make every complaint slower as the table grows, silently (the
 * answers stay right). Like test/cases.list-plan.test.ts, this EXPLAINs the very SQL the repository sends, on its own
 * database with 20 000 synthetic rows (with places, coordinates and groups) and fresh statistics, with the planner's
 * settings as in production: each branch must use the index it was written for —
 * same place → cases_repeat_place_idx, same coordinates → cases_repeat_coords_idx, same complainant →
 * cases_repeat_complainant_idx — and the open-masters list (GET /v1/repeats) must start from cases_master_idx.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSyntheticCases } from '../bench/synthetic.js';
import { CANDIDATE_BRANCHES, CANDIDATE_INDEX, candidateQuery, findCandidates, openMastersQuery } from '../api/repeats.repository.js';
import { createDatabase, type DatabaseHandle } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { demoSeed, seedReferenceData } from '../db/seed.js';
import { defaultCasePolicy } from '../db/seed-policy.js';
import { chooseMaster, normalisePhone, type RepeatComplaint } from '../domain/repeats.rules.js';
import { createTestDatabase } from './support/stack.js';

const ROWS = 20_000;
const policy = defaultCasePolicy.repeats!;
const calendar = defaultCasePolicy.calendar;

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let database: DatabaseHandle;
let client: pg.Client;
let complaint: RepeatComplaint;

beforeAll(async () => {
  testDb = await createTestDatabase('repeats_plan');
  database = createDatabase(testDb.url);
  await runMigrations(database.db);
  await seedReferenceData(database.db, demoSeed);
  await insertSyntheticCases(testDb.url, ROWS);
  client = new pg.Client({ connectionString: testDb.url });
  await client.connect();
  // Places: a community or grid for 85% of the cases, coordinates in a 30 km square for 60%; 1 case in 40 linked
  // to a master (the first case of its block of 500), masters counting their groups.
  await client.query(`
    with places as (select array_agg(id order by id) as a from units where type in ('community', 'grid'))
    update cases set
      area_unit_id = case when random() < 0.85 then places.a[1 + floor(random() * array_length(places.a, 1))::int] end,
      lat = case when (substring(id, 4)::int % 5) < 3 then 31.70 + random() * 0.27 end,
      lng = case when (substring(id, 4)::int % 5) < 3 then 117.10 + random() * 0.32 end,
      master_case_id = case when substring(id, 4)::int % 40 = 3
        then 'HLU' || lpad(((substring(id, 4)::int / 500) * 500 + 1)::text, 15, '0') end
    from places`);
  await client.query(`update cases set repeat_count = 1 + (select count(*) from cases m where m.master_case_id = cases.id)
    where id in (select master_case_id from cases where master_case_id is not null)`);
  await client.query('analyze cases');
  // A new complaint where an open case was made: its category, place, coordinates and phone.
  const { rows } = await client.query<{ category_id: string; area_unit_id: string; type: string; lat: number; lng: number; complainant_phone: string }>(
    `select c.category_id, c.area_unit_id, u.type, c.lat, c.lng, c.complainant_phone from cases c join units u on u.id = c.area_unit_id
     where c.lat is not null and c.status <> 'closed' order by c.created_at desc limit 1`,
  );
  const r = rows[0]!;
  complaint = {
    id: '',
    categoryId: r.category_id,
    areaUnitId: r.area_unit_id,
    areaUnitType: r.type,
    lat: r.lat,
    lng: r.lng,
    phone: normalisePhone(r.complainant_phone),
    createdAt: Date.now(),
  };
});

afterAll(async () => {
  await client?.end();
  await database?.close();
  await testDb?.drop();
});

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
const nodesOf = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];

async function explain(text: string, values: unknown[]): Promise<{ nodes: PlanNode[]; summary: string }> {
  const res = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`explain (format json) ${text}`, values);
  const nodes = nodesOf(res.rows[0]!['QUERY PLAN'][0]!.Plan);
  return { nodes, summary: nodes.map((n) => `${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`).join(' → ') };
}

describe(`the repeat search (${ROWS} rows)`, () => {
  for (const branch of CANDIDATE_BRANCHES) {
    it(`the ${branch} branch reads ${CANDIDATE_INDEX[branch]}, never a sequential scan`, async () => {
      const q = candidateQuery(complaint, policy, calendar, [branch])!;
      const { nodes, summary } = await explain(q.text, q.values);
      // eslint-disable-next-line no-console
      console.log(`repeats plan, ${branch}: ${summary}`);
      expect(nodes.map((n) => n['Index Name']), summary).toContain(CANDIDATE_INDEX[branch]);
      expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan'), summary).toEqual([]);
    });
  }

  it('the whole search (one round trip, the three branches in a UNION) reads the three indexes', async () => {
    const q = candidateQuery(complaint, policy, calendar)!;
    const { nodes, summary } = await explain(q.text, q.values);
    // eslint-disable-next-line no-console
    console.log(`repeats plan, union: ${summary}`);
    const indexes = nodes.map((n) => n['Index Name']);
    for (const b of CANDIDATE_BRANCHES) expect(indexes, summary).toContain(CANDIDATE_INDEX[b]);
    expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan'), summary).toEqual([]);
  });

  it('answers inside the intake budget, and the rules find the case the complaint was copied from', async () => {
    const started = performance.now();
    const candidates = await findCandidates(database.db, complaint, policy, calendar, { timeoutMs: 300 });
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(300);
    const decision = chooseMaster(complaint, candidates, policy, calendar);
    expect(decision.matches.length).toBeGreaterThan(0);
    expect(decision.matches.every((m) => m.categoryId === complaint.categoryId)).toBe(true);
  });

  it('GET /v1/repeats starts from cases_master_idx (the linked cases), never the whole table', async () => {
    for (const q of [{ limit: 50 }, { limit: 50, card: 'yellow' as const }]) {
      const { sql, params } = openMastersQuery(database.db, q).toSQL();
      const { nodes, summary } = await explain(sql, params);
      // eslint-disable-next-line no-console
      console.log(`repeats plan, open masters ${JSON.stringify(q)}: ${summary}`);
      expect(nodes.map((n) => n['Index Name']), summary).toContain('cases_master_idx');
      expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan'), summary).toEqual([]);
    }
  });
});
