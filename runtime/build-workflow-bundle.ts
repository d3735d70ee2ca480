/** Pre-builds the workflow bundle the production worker loads (WORKFLOW_BUNDLE_PATH): the workflows and their interceptors. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleCaseWorkflows } from './case-worker.js';

const out = path.resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
const code = await bundleCaseWorkflows();
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, code);
console.log(`workflow bundle: ${out} (${Math.round(code.length / 1024)} KiB)`);
