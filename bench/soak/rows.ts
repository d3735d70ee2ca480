/**
 * The soak's section in BENCHMARKS.md: its rows, and the per-case costs the capacity model in the README takes
 * (named `capacity: …`, so the model's inputs can be read off any recorded soak).
 */
import type { Row } from '../report.js';
import { f0, f1, f2 } from '../report.js';
import type { NoticeCheck, RecordCheck, HistoryShape, VisibilityCheck } from './audit.js';
import type { Driven } from './drive.js';
import type { ActionFigures } from './recorder.js';
import type { CountersDelta, Sample, TableSizes } from './sample.js';
import type { Seeded } from './seed.js';

export interface SoakResult {
  rate: number;
  minutes: number;
  seeded: { plain: Seeded; timed: Seeded };
  /** Open cases (ledger) when phase 2 started and ended. */
  openAtStart: number;
  openAtEnd: number;
  opened2: number;
  driven: Driven;
  phase2: { writes: ActionFigures; reads: ActionFigures; actions: Record<string, ActionFigures & { firstError: string | null }> };
  samples: Sample[];
  /** CPU, commits, WAL… over the idle window and over phase 2. */
  idle: CountersDelta | null;
  load: CountersDelta;
  /** Database sizes before phase 1 and at the end; cases the run opened. */
  dbBefore: Sample['db'];
  dbAfter: Sample['db'];
  cases: number;
  tables: { record: TableSizes; temporal: TableSizes; visibility: TableSizes };
  lateness: { yellow: Lat; red: Lat; timed: number };
  record: RecordCheck;
  visibility: VisibilityCheck;
  notices: NoticeCheck;
  histories: HistoryShape[];
  historyShards: number | null;
}

export interface Lat {
  n: number;
  p50: number;
  p99: number;
  max: number;
  /** Due by the end, not fired. */
  missed: number;
}

const ms = (f: ActionFigures) => `${f0(f.p50)} / ${f0(f.p99)}`;
const mib = (b: number) => b / 2 ** 20;
const s1 = (msv: number) => f1(msv / 1000);

/** CPU (ms) per case of phase 2's intake, net of what the open stock costs at rest over the same time. */
export function perCase(total: number, idlePerS: number, seconds: number, opened: number): number {
  const net = total - (Number.isFinite(idlePerS) ? idlePerS * seconds : 0);
  return net / Math.max(1, opened);
}

export function soakRows(r: SoakResult): Row[] {
  const rows: Row[] = [];
  const soak = r.samples.filter((s) => s.phase === 'soak' && s.writes.n > 0);
  const first = soak[0];
  const lastS = soak.at(-1);
  const push = (metric: string, value: string, unit: string, reference: string, verdict = '—') => rows.push({ metric, value, unit, reference, verdict });

  // Load
  push('seed: open cases through the API (plain / timed)', `${r.seeded.plain.cases.toLocaleString('en')} / ${r.seeded.timed.cases.toLocaleString('en')}`, 'cases', `${f1(r.seeded.plain.rate)} requests/s over ${f0(r.seeded.plain.seconds)} s (timed ${f1(r.seeded.timed.rate)}/s); errors ${r.seeded.plain.errors + r.seeded.timed.errors}${r.seeded.plain.firstError ? ` (first: ${r.seeded.plain.firstError.slice(0, 120)})` : ''}`);
  push('soak: open cases at the start / end of phase 2', `${r.openAtStart.toLocaleString('en')} / ${r.openAtEnd.toLocaleString('en')}`, 'cases', `${r.cases.toLocaleString('en')} opened by the run`);
  const sent = Object.values(r.driven.sent).reduce((a, b) => a + (b ?? 0), 0);
  push(
    'soak: intake and requests, phase 2',
    `${f2(r.opened2 / r.driven.seconds)} / ${f1(sent / r.driven.seconds)}`,
    'per s',
    `intake goal ${r.rate}/s for ${r.minutes} min (${r.opened2} opened); ${sent.toLocaleString('en')} arrivals, ${r.driven.shed} shed (in-flight cap), ${Object.values(r.driven.skipped).reduce((a, b) => a + (b ?? 0), 0)} with no case to act on; peak ${r.driven.peakInFlight} in flight`,
  );
  // Latency
  push('soak: writes p50 / p99, phase 2', ms(r.phase2.writes), 'ms', `n=${r.phase2.writes.n}, ${r.phase2.writes.conflicts} conflicts (409), ${r.phase2.writes.errors} errors`, r.phase2.writes.errors ? 'errors' : '—');
  push('soak: reads p50 / p99, phase 2', ms(r.phase2.reads), 'ms', `n=${r.phase2.reads.n}, ${r.phase2.reads.errors} errors`, r.phase2.reads.errors ? 'errors' : '—');
  const p99s = soak.map((s) => s.writes.p99);
  push(
    'soak: writes p99 per interval, first / last / highest',
    `${f0(first?.writes.p99 ?? Number.NaN)} / ${f0(lastS?.writes.p99 ?? Number.NaN)} / ${f0(p99s.length ? Math.max(...p99s) : Number.NaN)}`,
    'ms',
    `${soak.length} intervals of ${soak[0] ? f0(soak[0].seconds) : '—'} s; drift (last ÷ first) ${first && lastS ? f2(lastS.writes.p99 / first.writes.p99) : '—'}`,
  );
  for (const [name, f] of Object.entries(r.phase2.actions)) {
    push(`soak: ${name} p50 / p99`, ms(f), 'ms', `n=${f.n}${f.conflicts ? `, ${f.conflicts} conflicts` : ''}${f.errors ? `, ${f.errors} errors (first: ${(f.firstError ?? '').slice(0, 160)})` : ''}`);
  }
  // Memory
  const memRow = (who: keyof Sample['memory'], label: string) => {
    const xs = soak.map((s) => s.memory[who]).filter(Number.isFinite);
    if (!xs.length) return;
    push(`memory: ${label} over phase 2 — start / end / peak`, `${f0(xs[0]!)} / ${f0(xs.at(-1)!)} / ${f0(Math.max(...xs))}`, 'MiB', `growth (end ÷ start) ${f2(xs.at(-1)! / xs[0]!)}`);
  };
  memRow('worker', 'worker RSS');
  memRow('api', 'API RSS');
  memRow('server', 'Temporal Server RSS');
  memRow('postgres', 'PostgreSQL PSS');
  // Warnings
  const lat = (l: Lat) => `${s1(l.p50)} / ${s1(l.p99)} / ${s1(l.max)}`;
  push('warnings: yellow lateness p50 / p99 / max', lat(r.lateness.yellow), 's', `n=${r.lateness.yellow.n} of ${r.lateness.timed} timed cases; ${r.lateness.yellow.missed} due and not fired at the end`, r.lateness.yellow.missed ? 'missed' : '—');
  push('warnings: red lateness p50 / p99 / max', lat(r.lateness.red), 's', `n=${r.lateness.red.n}; ${r.lateness.red.missed} due and not fired at the end`, r.lateness.red.missed ? 'missed' : '—');
  // Nothing lost
  const rec = Object.values(r.record.byStatus);
  const matched = rec.reduce((n, s) => n + s.matched, 0);
  push('lost: the record against what the API answered', `${matched.toLocaleString('en')} of ${r.record.ledger.toLocaleString('en')}`, 'cases', `record rows ${r.record.recordRows.toLocaleString('en')}; ${Object.entries(r.record.byStatus).map(([k, v]) => `${k} ${v.matched}/${v.expected}`).join(', ')}; caught up in ${f1(r.record.seconds)} s`, matched === r.record.ledger && r.record.recordRows === r.record.ledger ? 'met' : 'NOT met');
  push(
    'lost: case workflows (visibility) against the record, by status',
    r.visibility.equal ? 'equal' : 'DIFFER',
    '',
    `${r.visibility.workflows.toLocaleString('en')} workflows, ${r.visibility.record.toLocaleString('en')} rows, ${r.visibility.broken} failed/terminated; ${Object.entries(r.visibility.byStatus).map(([k, v]) => `${k} ${v.workflows}/${v.record}`).join(', ')}`,
    r.visibility.equal ? 'met' : 'NOT met',
  );
  const n = r.notices;
  const noticesOk = n.waiting === 0 && n.failed === 0 && n.missing === 0 && n.unknown === 0 && n.twice === 0 && n.delivered === n.rows;
  push('lost: notices delivered, each once', `${n.delivered.toLocaleString('en')} of ${n.rows.toLocaleString('en')}`, 'notices', `${n.received.toLocaleString('en')} received, ${n.twice} twice, ${n.missing} missing, ${n.unknown} unknown, ${n.failed} failed, ${n.waiting} waiting; ${Object.entries(n.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}`, noticesOk ? 'met' : 'NOT met');
  // Per-case costs: the capacity model's inputs
  for (const h of r.histories) push(`capacity: history of a case, ${h.group}`, `${f0(h.events)} / ${f1(h.bytes / 1024)}`, 'events / KiB', `mean of ${h.n} (DescribeWorkflowExecution)`);
  const idlePerS = (k: keyof CountersDelta['cpu']) => (r.idle ? r.idle.cpu[k] / r.idle.seconds : Number.NaN);
  const cpuKeys: Array<[keyof CountersDelta['cpu'], string]> = [['worker', 'worker'], ['server', 'Temporal Server'], ['api', 'API'], ['postgres', 'PostgreSQL']];
  push(
    'capacity: CPU per case (worker / Temporal Server / API / PostgreSQL)',
    cpuKeys.map(([k]) => f0(perCase(r.load.cpu[k], idlePerS(k), r.load.seconds, r.opened2))).join(' / '),
    'ms',
    `${cpuKeys.some(([k]) => perCase(r.load.cpu[k], idlePerS(k), r.load.seconds, r.opened2) < 0) ? 'NEGATIVE: the machine was busier at rest than under load (not quiet); ' : ''}phase 2 CPU net of the idle stock's, ÷ ${r.opened2} cases opened in phase 2 (each with its share of the mix and of the ${r.lateness.yellow.n + r.lateness.red.n} timed warnings: ${f1((r.lateness.yellow.n + r.lateness.red.n) / Math.max(1, r.opened2))} a case); gross ${cpuKeys.map(([k]) => f0(r.load.cpu[k] / Math.max(1, r.opened2))).join(' / ')} ms; the soak process ${f0(r.load.cpu.soak / Math.max(1, r.opened2))} ms`,
  );
  // At rest the open cases wait on timers (days away): what the processes use then is mostly their own pace (the
  // notice deliverer's polls, Temporal's queues and shards), not so much per case; soaks at two --open tell which.
  push(
    'capacity: CPU at rest (worker / Temporal Server / API / PostgreSQL)',
    cpuKeys.map(([k]) => f1(idlePerS(k))).join(' / '),
    'ms per s',
    r.idle ? `${f0(r.idle.seconds)} s with no load and ${r.openAtStart.toLocaleString('en')} open cases (the record caught up); PostgreSQL: the whole server` : 'no idle window (--idle-seconds 0)',
  );
  const commitsPerCase = (k: keyof CountersDelta['commits']) => perCase(r.load.commits[k], r.idle ? r.idle.commits[k] / r.idle.seconds : Number.NaN, r.load.seconds, r.opened2);
  push(
    'capacity: commits per case (Temporal / visibility / record)',
    `${f1(commitsPerCase('temporal'))} / ${f1(commitsPerCase('visibility'))} / ${f1(commitsPerCase('record'))}`,
    'commits',
    `pg_stat_database.xact_commit over phase 2 net of idle, ÷ cases opened in phase 2`,
  );
  push(
    'capacity: WAL and page writes per case',
    `${f1(perCase(r.load.wal.bytes, r.idle ? r.idle.wal.bytes / r.idle.seconds : Number.NaN, r.load.seconds, r.opened2) / 1024)} / ${f1(perCase(r.load.bufferWrites, r.idle ? r.idle.bufferWrites / r.idle.seconds : Number.NaN, r.load.seconds, r.opened2))}`,
    'KiB / pages',
    `pg_stat_wal (the whole server), pages written by checkpointer, background writer and backends; WAL syncs ${f1(r.load.wal.syncs / Math.max(1, r.opened2))} per case; the machine's disks ${f1(r.load.disk.writes / r.load.seconds)} writes/s, ${f1(mib(r.load.disk.bytes) / r.load.seconds)} MiB/s over phase 2`,
  );
  const per = (k: keyof Sample['db']) => (r.dbAfter[k] - r.dbBefore[k]) / Math.max(1, r.cases);
  push(
    'capacity: database bytes per case (record / Temporal / visibility)',
    `${f1(per('record') / 1024)} / ${f1(per('temporal') / 1024)} / ${f1(per('visibility') / 1024)}`,
    'KiB',
    `growth of pg_database_size over the run ÷ ${r.cases.toLocaleString('en')} cases; at the end ${f0(mib(r.dbAfter.record))} / ${f0(mib(r.dbAfter.temporal))} / ${f0(mib(r.dbAfter.visibility))} MiB`,
  );
  const top = (t: TableSizes) => t.slice(0, 5).map((x) => `${x.table} ${f1(mib(x.bytes))}`).join(', ');
  push('capacity: largest tables (MiB), record', top(r.tables.record), '', '');
  push('capacity: largest tables (MiB), Temporal', top(r.tables.temporal), '', r.historyShards ? `${r.historyShards} history shards` : '');
  push('capacity: largest tables (MiB), visibility', top(r.tables.visibility), '', '');
  return rows;
}
