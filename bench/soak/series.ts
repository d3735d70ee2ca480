/**
 * The soak's series on disk: every sample as JSON (with the run's options and summary) and as CSV, one row per
 * sample, for a spreadsheet or a plot. In --out (default .data/soak, git-ignored), named by the run's start and id.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../processes.js';
import type { Sample } from './sample.js';

const FIXED: Array<[string, (s: Sample) => number | string]> = [
  ['at', (s) => s.at],
  ['t_s', (s) => s.t],
  ['phase', (s) => s.phase],
  ['interval_s', (s) => s.seconds],
  ['cases', (s) => s.cases],
  ['open', (s) => s.open],
  ['writes_n', (s) => s.writes.n],
  ['writes_p50_ms', (s) => s.writes.p50],
  ['writes_p99_ms', (s) => s.writes.p99],
  ['writes_conflicts', (s) => s.writes.conflicts],
  ['writes_errors', (s) => s.writes.errors],
  ['reads_n', (s) => s.reads.n],
  ['reads_p50_ms', (s) => s.reads.p50],
  ['reads_p99_ms', (s) => s.reads.p99],
  ['reads_errors', (s) => s.reads.errors],
  ['shed', (s) => s.shed],
  ['skipped', (s) => s.skipped],
  ['rss_worker_mib', (s) => s.memory.worker],
  ['rss_api_mib', (s) => s.memory.api],
  ['rss_server_mib', (s) => s.memory.server],
  ['pss_postgres_mib', (s) => s.memory.postgres],
  ['cpu_worker_ms', (s) => s.cpu.worker],
  ['cpu_api_ms', (s) => s.cpu.api],
  ['cpu_server_ms', (s) => s.cpu.server],
  ['cpu_postgres_ms', (s) => s.cpu.postgres],
  ['cpu_soak_ms', (s) => s.cpu.soak],
  ['db_record_bytes', (s) => s.db.record],
  ['db_temporal_bytes', (s) => s.db.temporal],
  ['db_visibility_bytes', (s) => s.db.visibility],
  ['commits_record', (s) => s.commits.record],
  ['commits_temporal', (s) => s.commits.temporal],
  ['commits_visibility', (s) => s.commits.visibility],
  ['wal_records', (s) => s.wal.records],
  ['wal_bytes', (s) => s.wal.bytes],
  ['wal_syncs', (s) => s.wal.syncs],
  ['buffer_writes', (s) => s.bufferWrites],
  ['disk_writes', (s) => s.disk.writes],
  ['disk_write_bytes', (s) => s.disk.bytes],
  ['yellow_n', (s) => s.yellow.n],
  ['yellow_p50_ms', (s) => s.yellow.p50],
  ['yellow_p99_ms', (s) => s.yellow.p99],
  ['yellow_max_ms', (s) => s.yellow.max],
  ['yellow_pending', (s) => s.yellow.pending],
  ['red_n', (s) => s.red.n],
  ['red_p50_ms', (s) => s.red.p50],
  ['red_p99_ms', (s) => s.red.p99],
  ['red_max_ms', (s) => s.red.max],
  ['red_pending', (s) => s.red.pending],
  ['notices_rows', (s) => s.notices.rows],
  ['notices_delivered', (s) => s.notices.delivered],
  ['notices_waiting', (s) => s.notices.waiting],
  ['notices_received', (s) => s.notices.received],
];

const cell = (v: number | string) => (typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '') : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The CSV: the fixed columns, then n / p50 / p99 of each action seen in any sample. */
export function seriesCsv(samples: readonly Sample[]): string {
  const actions = [...new Set(samples.flatMap((s) => Object.keys(s.actions)))].sort();
  const header = [...FIXED.map(([k]) => k), ...actions.flatMap((a) => [`${a}_n`, `${a}_p50_ms`, `${a}_p99_ms`])];
  const lines = samples.map((s) => [
    ...FIXED.map(([, get]) => cell(get(s))),
    ...actions.flatMap((a) => {
      const f = s.actions[a];
      return f ? [cell(f.n), cell(f.p50), cell(f.p99)] : ['0', '', ''];
    }),
  ]);
  return [header.join(','), ...lines.map((l) => l.join(','))].join('\n') + '\n';
}

/** Writes `<out>/soak-<start>-<run id>.json` and `.csv`; returns their paths. */
export async function writeSeries(out: string, startedAt: Date, runId: string, document: Record<string, unknown> & { samples: readonly Sample[] }): Promise<string[]> {
  const dir = path.resolve(ROOT, out);
  await mkdir(dir, { recursive: true });
  const base = path.join(dir, `soak-${startedAt.toISOString().replace(/[:.]/g, '-')}-${runId}`);
  // JSON has no NaN or Infinity: they are written as null.
  await writeFile(`${base}.json`, `${JSON.stringify(document, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`);
  await writeFile(`${base}.csv`, seriesCsv(document.samples));
  return [`${base}.json`, `${base}.csv`];
}
