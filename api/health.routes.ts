import type { Client } from '@temporalio/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const check = z.object({ status: z.enum(['ok', 'down']), detail: z.string().optional() });
const readiness = z.object({ status: z.enum(['ready', 'not_ready']), checks: z.object({ database: check, temporal: check }) });

async function probe(fn: () => Promise<unknown>, timeoutMs = 2_000): Promise<z.infer<typeof check>> {
  try {
    await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref())]);
    return { status: 'ok' };
  } catch (err) {
    return { status: 'down', detail: err instanceof Error ? err.message : String(err) };
  }
}

export function healthRoutes(deps: { pingDatabase: () => Promise<void>; client: Client }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/healthz', { config: { access: 'public', rateLimit: false }, schema: { tags: ['health'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({
      status: 'ok' as const,
    }));
    app.get(
      '/readyz',
      { config: { access: 'public', rateLimit: false }, schema: { tags: ['health'], summary: 'Readiness: database and Temporal answer', response: { 200: readiness, 503: readiness } } },
      async (_req, reply) => {
        const [database, temporal] = await Promise.all([
          probe(deps.pingDatabase),
          probe(() => deps.client.workflowService.getSystemInfo({})),
        ]);
        const ready = database.status === 'ok' && temporal.status === 'ok';
        return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks: { database, temporal } });
      },
    );
  };
}
