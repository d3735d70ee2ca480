/**
 * The product herd's warning notices: the worker's deliverer (NOTIFY_CHANNEL=webhook) posts to a receiver in the
 * bench process (bench/webhook-receiver.ts), which counts hits per X-Hotline-Notification-Id. Expected: one
 * yellow_warning per yellow raised, a red_warning and an urging per red raised, each exactly once.
 */
import { progress, sleep } from '../processes.js';
import { f1 } from '../report.js';
import { spread, WARNING_KINDS, RUN, type Env, type Spread } from './run.js';

export interface NoticeCount {
  expected: number;
  /** Distinct notification ids the receiver got for these cases' warnings. */
  delivered: number;
  /** Ids that arrived more than once, and extra notices of one kind for one case beyond one per warning raised. */
  duplicateIds: number;
  extraPerCase: number;
  /** The outbox: rows of these kinds for these cases, with delivered_at, with failed_at. */
  rows: number;
  rowsDelivered: number;
  rowsFailed: number;
  /** Receipt time − the warning's due instant (ms). */
  yellowDelivery: Spread;
  redDelivery: Spread;
  counted: 'receiver' | 'table';
}

export const warningNotices = (env: Env, idSet: ReadonlySet<string>) => [...env.receiver.notices.values()].filter((r) => idSet.has(r.caseId) && (WARNING_KINDS as readonly string[]).includes(r.kind));

export async function countNotices(
  env: Env,
  /** Whether the worker delivers through the webhook channel: counted at the receiver, else in the outbox. */
  delivers: boolean,
  ids: readonly string[],
  idSet: ReadonlySet<string>,
  expected: number,
  dueOf: ReadonlyMap<string, { yellow: number; red: number }>,
): Promise<NoticeCount> {
  const outbox = async () => {
    const { rows } = await env.database.pool.query<{ kind: string; case_id: string; n: number; delivered: number; failed: number }>(
      `select kind, case_id, count(*)::int as n, count(delivered_at)::int as delivered, count(failed_at)::int as failed
         from notifications where case_id = any($1::text[]) and kind = any($2::text[]) group by kind, case_id`,
      [ids, WARNING_KINDS],
    );
    return rows;
  };
  const sum = (rows: Awaited<ReturnType<typeof outbox>>, k: 'n' | 'delivered' | 'failed') => rows.reduce((a, r) => a + r[k], 0);
  const waitStart = Date.now();
  const deadline = waitStart + 60_000 + ids.length * 30;
  let lastReport = Date.now();
  progress(`notices: waiting for ${expected} warning notices (${delivers ? 'the webhook receiver' : 'the notifications table'})…`);
  for (;;) {
    const got = delivers ? warningNotices(env, idSet).length : sum(await outbox(), 'n');
    if (got >= expected || RUN.state.stopping) break;
    if (Date.now() > deadline) {
      progress(`notices: warning: ${got} of ${expected} after ${f1((Date.now() - waitStart) / 1000)} s`);
      break;
    }
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      progress(`  … ${got} / ${expected} warning notices`);
    }
    await sleep(500);
  }
  // A few poll intervals more: a notice sent twice would show now.
  await sleep(3_000);
  const rows = await outbox();
  const received = warningNotices(env, idSet);
  // More than one notice of a kind for one case: every case raises one yellow and one red on its sign-for clock.
  const perCase = new Map<string, number>();
  for (const r of rows) perCase.set(`${r.case_id} ${r.kind}`, r.n);
  const extraPerCase = [...perCase.values()].reduce((a, v) => a + Math.max(0, v - 1), 0);
  const delivery = (kinds: string[], at: 'yellow' | 'red') =>
    spread(received.filter((r) => kinds.includes(r.kind) && dueOf.has(r.caseId)).map((r) => r.firstAt - dueOf.get(r.caseId)![at]));
  if (env.receiver.rejected.badSignature) progress(`notices: warning: ${env.receiver.rejected.badSignature} requests with a bad signature`);
  return {
    expected,
    delivered: delivers ? received.length : sum(rows, 'delivered'),
    duplicateIds: received.filter((r) => r.hits > 1).length,
    extraPerCase,
    rows: sum(rows, 'n'),
    rowsDelivered: sum(rows, 'delivered'),
    rowsFailed: sum(rows, 'failed'),
    yellowDelivery: delivery(['yellow_warning'], 'yellow'),
    redDelivery: delivery(['red_warning', 'urging'], 'red'),
    counted: delivers ? 'receiver' : 'table',
  };
}
