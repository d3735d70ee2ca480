/**
 * CPU of replaying one case from its history (what a worker pays for a case that is not in its sticky cache when
 * a timer or an Update reaches it): replays the committed histories of test/histories/<version> many times.
 * Run: `node --import tsx bench/replay-probe.ts [version] [rounds]` (add --cpu-prof for a profile).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { parseActionKeys, workerDataConverter } from '../platform/action-assertion.js';
import { bundleCaseWorkflows } from '../runtime/case-worker.js';

const HISTORIES = fileURLToPath(new URL('../test/histories/', import.meta.url));
const version = process.argv[2] ?? '4-rules-intake-actions';
const rounds = Number(process.argv[3] ?? 20);
Runtime.install({ logger: new DefaultLogger('WARN') });
const keys = parseActionKeys((await readFile(path.join(HISTORIES, 'action-keys'), 'utf8')).trim());
const dir = path.join(HISTORIES, version);
const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
const histories = await Promise.all(files.map(async (f) => ({ workflowId: f, history: JSON.parse(await readFile(path.join(dir, f), 'utf8')) })));
const code = await bundleCaseWorkflows(new DefaultLogger('WARN'));
const events = histories.reduce((n, h) => n + (h.history.events?.length ?? 0), 0);
const options = { workflowBundle: { code }, dataConverter: workerDataConverter([], keys), replayName: 'probe' };
// Warm-up, not counted.
for await (const r of Worker.runReplayHistories(options, histories)) if (r.error) throw r.error;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (let i = 0; i < rounds; i++) for await (const r of Worker.runReplayHistories(options, histories)) if (r.error) throw r.error;
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const n = rounds * histories.length;
console.log(`${n} replays of ${histories.length} histories (${(events / histories.length).toFixed(0)} events each on average): ${(wall / n).toFixed(1)} ms wall, ${((cpu.user + cpu.system) / 1000 / n).toFixed(1)} ms CPU per replay`);
