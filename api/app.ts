/**
 * buildApp(deps): the whole HTTP API as a Fastify instance, from explicit dependencies. The entry points and
 * the tests build it the same way.
 */
import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Client } from '@temporalio/client';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';
import { loggerOptions } from '../runtime/logger.js';
import { createCasesRepository } from './cases.repository.js';
import { casesRoutes } from './cases.routes.js';
import { createCasesService } from './cases.service.js';
import { healthRoutes } from './health.routes.js';
import { registerErrorHandling } from './problem.js';
import { referenceRoutes } from './reference.routes.js';
import { createReferenceService, type ReferenceService } from './reference.service.js';

export interface AppDeps {
  client: Client;
  db: Database;
  taskQueue: string;
  logLevel?: string;
  bodyLimit?: number;
  /** Pass a ready one to share it; otherwise one is made and refreshed every minute. */
  reference?: ReferenceService;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.logLevel ?? 'info'),
    bodyLimit: deps.bodyLimit ?? 256 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerErrorHandling(app);
  // A JSON API: anything but application/json gets 415 rather than a string body.
  app.removeContentTypeParser('text/plain');

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'hotline API',
        version: '0.1.0',
        description: 'Case management for 12345 citizen complaint hotlines (接诉即办). Errors are application/problem+json.',
      },
      tags: [
        { name: 'cases', description: 'Open, read and list cases' },
        { name: 'case actions', description: 'Lifecycle actions (workflow Updates: 200 or 409)' },
        { name: 'supervision', description: 'Supervisor pushes (workflow signals: 202)' },
        { name: 'reference', description: 'Units and categories' },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const repository = createCasesRepository(deps.db);
  const reference = deps.reference ?? createReferenceService(deps.db);
  if (!deps.reference) {
    await reference.start((err) => app.log.warn({ err }, 'reference data refresh failed; keeping the last copy'));
    app.addHook('onClose', async () => reference.stop());
  }
  const cases = createCasesService({ client: deps.client, taskQueue: deps.taskQueue, repository, reference });

  await app.register(healthRoutes({ pingDatabase: repository.ping, client: deps.client }));
  await app.register(referenceRoutes(reference));
  await app.register(casesRoutes(cases));
  return app;
}
