/**
 * The console's typed client is generated from the API's OpenAPI document (runtime/console-api-types.ts) and
 * committed (console/src/api/schema.d.ts): this fails while the committed file is not what this checkout's API
 * gives, so an API change reaches the console's type check (npm run typecheck) in the same commit.
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { consoleApiTypes, SCHEMA_FILE } from '../runtime/console-api-types.js';

it('console/src/api/schema.d.ts is what `npm run console:api-types` writes from this API', { timeout: 60_000 }, async () => {
  const [expected, committed] = await Promise.all([consoleApiTypes(), readFile(SCHEMA_FILE, 'utf8')]);
  if (committed === expected) return;
  const a = committed.split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((l, i) => l !== b[i]);
  const at = line === -1 ? Math.min(a.length, b.length) : line;
  expect.fail(
    `console/src/api/schema.d.ts is stale: run \`npm run console:api-types\` (and \`npm run typecheck\`). First difference at line ${at + 1}:\n` +
      `  committed: ${a[at] ?? '(end of file)'}\n  expected:  ${b[at] ?? '(end of file)'}`,
  );
});
