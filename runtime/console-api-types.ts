/**
 * `npm run console:api-types`: the console's typed API client comes from the product's own OpenAPI document. This
 * builds the Fastify app in-process (nothing listens, nothing connects: a lazy Temporal client, a database pool
 * that is never asked, reference data not loaded), takes the document the API serves at /docs/json, and runs
 * openapi-typescript over it into console/src/api/schema.d.ts (committed). An API change that breaks the console
 * then fails the console's type check; test/console-api-types.test.ts fails while the committed file is stale.
 *
 * The document is built with the development sign-in and an OpenID Connect provider on (their routes are part of the
 * console's client) and the console's static routes hidden.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../api/app.js';
import { createReferenceService } from '../api/reference.service.js';
import { createDatabase } from '../db/client.js';
import { generateActionKey } from '../platform/action-assertion.js';
import { generateAuthKeys } from '../platform/auth-keys.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../console/src/api/schema.d.ts', import.meta.url));

const HEADER = `/**
 * The hotline API as the console's client sees it: generated from the API's OpenAPI document by
 * \`npm run console:api-types\` (runtime/console-api-types.ts). Do not edit; test/console-api-types.test.ts fails
 * when this file no longer matches the API.
 */

`;

/** The OpenAPI document of the API as built from this checkout. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  // Never connected: the app only needs the objects to build its routes.
  const connection = Connection.lazy({ address: '127.0.0.1:1' });
  const database = createDatabase('postgres://nobody@127.0.0.1:1/none', { max: 1 });
  const app = await buildApp({
    client: new Client({ connection }),
    db: database.db,
    reference: createReferenceService(database.db),
    taskQueue: 'openapi',
    logLevel: 'silent',
    authKeys: generateAuthKeys('openapi'),
    actionKeys: [generateActionKey('openapi')],
    repeatMatching: false,
    console: { devSignIn: true, temporalUi: null },
    // Its sign-in route is part of the console's client (the provider is never asked while the document is built).
    oidc: { issuer: 'https://idp.invalid', clientId: 'openapi', scopes: 'openid', rolesClaim: 'roles', unitClaim: 'unit', roleMap: {}, maxLifetimeSeconds: 3600 },
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
    await connection.close().catch(() => {});
  }
}

/** console/src/api/schema.d.ts as this checkout's API would have it. */
export async function consoleApiTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocument() as never, { alphabetize: false, exportType: false });
  return HEADER + astToString(ast);
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const text = await consoleApiTypes();
  await writeFile(SCHEMA_FILE, text);
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)} (${text.split('\n').length} lines) from the API's OpenAPI document`);
  process.exit(0);
}
