/**
 * The first page of GET /v1/cases is an index scan, not a sequential scan and a sort.
 *
 * One test, because the bug it guards is silent: the list was always correct, only slow. drizzle's .desc()
 * made cases_created_idx (created_at DESC NULLS LAST, id DESC NULLS LAST), which PostgreSQL cannot use for
 * ORDER BY created_at DESC, id DESC (that is NULLS FIRST, and the planner does not reason from NOT NULL), so
 * every page read and sorted the whole table (42 ms at 100 000 rows, 0.1 ms with a matching index). It
 * EXPLAINs the very query the repository sends (listQuery), on its
 * own database with 20 000 synthetic rows and fresh statistics, with the planner's settings as in production
 * (no enable_seqscan = off): with too few rows a sequential scan is honestly cheaper and the assertion would
 * say nothing; at this size the plan only uses the index if its order matches.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertSyntheticCases } from '../bench/synthetic.js';
import { listQuery } from '../api/cases.repository.js';
import { listCasesQuery } from '../api/cases.schemas.js';
import { createDatabase, type DatabaseHandle } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { demoSeed, seedReferenceData } from '../db/seed.js';
import { createTestDatabase } from './support/stack.js';

const ROWS = 20_000;

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let database: DatabaseHandle;

beforeAll(async () => {
  testDb = await createTestDatabase('list_plan');
  database = createDatabase(testDb.url);
  await runMigrations(database.db);
  await seedReferenceData(database.db, demoSeed);
  await insertSyntheticCases(testDb.url, ROWS); // ends with ANALYZE
});

afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

it(`the first page of GET /v1/cases reads cases_created_idx (${ROWS} rows), without a sort or a sequential scan`, async () => {
  const { sql, params } = listQuery(database.db, listCasesQuery.parse({})).toSQL();
  const client = new pg.Client({ connectionString: testDb.url });
  await client.connect();
  try {
    const res = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`explain (format json) ${sql}`, params);
    const nodes = nodesOf(res.rows[0]!['QUERY PLAN'][0]!.Plan);
    const summary = nodes.map((n) => `${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`).join(' → ');
    expect(nodes.map((n) => n['Node Type']), summary).toEqual(['Limit', 'Index Scan']);
    expect(nodes[1], summary).toMatchObject({ 'Index Name': 'cases_created_idx', 'Scan Direction': 'Backward' });
  } finally {
    await client.end();
  }
});

it(`GET /v1/cases?overdue=true reads an index (cases_created_idx or cases_next_due_idx), never the whole table (${ROWS} rows)`, async () => {
  const client = new pg.Client({ connectionString: testDb.url });
  await client.connect();
  try {
    // What the projection writes: the nearest deadline of a running clock on open cases (here the reply's, 7 days
    // after opening, so the older open cases are overdue); null on closed and undispatched ones.
    await client.query(`update cases set next_due_at = reply_due_at where status in ('dispatched', 'accepted', 'contacted')`);
    await client.query('analyze cases');
    const queries: Array<Record<string, string>> = [{ overdue: 'true' }, { overdue: 'true', warning: 'red' }, { overdue: 'false' }];
    for (const query of queries) {
      const { sql, params } = listQuery(database.db, listCasesQuery.parse(query)).toSQL();
      const res = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`explain (format json) ${sql}`, params);
      const nodes = nodesOf(res.rows[0]!['QUERY PLAN'][0]!.Plan);
      const summary = `${JSON.stringify(query)}: ${nodes.map((n) => `${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`).join(' → ')}`;
      expect(nodes.map((n) => n['Node Type']), summary).not.toContain('Seq Scan');
      const indexes = nodes.map((n) => n['Index Name']).filter(Boolean);
      expect(indexes.length, summary).toBeGreaterThan(0);
      // Either the newest-first index read in order (no sort), or a selective index (the overdue ones by
      // cases_next_due_idx; red ones by cases_warning_idx) whose few rows are sorted: never a sort of everything.
      if (nodes.some((n) => n['Node Type'] === 'Sort')) expect(indexes, summary).not.toContain('cases_created_idx');
      else expect(indexes, summary).toContain('cases_created_idx');
      if (query.overdue === 'true' && !query.warning) expect(indexes.some((i) => i === 'cases_created_idx' || i === 'cases_next_due_idx'), summary).toBe(true);
    }
  } finally {
    await client.end();
  }
});
