import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SLA_CLASSES, UNIT_TYPES } from '../domain/reference.types.js';
import { problemSchema } from './cases.schemas.js';
import type { ReferenceService } from './reference.service.js';

const unitView = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(UNIT_TYPES),
  parentId: z.string().nullable(),
  path: z.string(),
  principalLeader: z.string(),
  deputyLeader: z.string(),
  officePhone: z.string(),
});
const categoryView = z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable(), slaClass: z.enum(SLA_CLASSES) });

export function referenceRoutes(reference: ReferenceService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/units',
      {
        config: { access: 'reference.read' },
        schema: {
          tags: ['reference'],
          summary: 'Units of the organisation tree (filter by type, parent, or a subtree)',
          querystring: z.strictObject({
            type: z.enum(UNIT_TYPES).optional(),
            parentId: z.string().max(64).optional(),
            within: z.string().max(64).optional().describe('a unit id: return it and every unit below it'),
          }),
          response: { 200: z.object({ items: z.array(unitView) }), 400: problemSchema, 404: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema },
        },
      },
      async (req) => ({ items: (await reference.listUnits(req.query)) as z.infer<typeof unitView>[] }),
    );

    app.get(
      '/v1/categories',
      {
        config: { access: 'reference.read' },
        schema: {
          tags: ['reference'],
          summary: 'The complaint category taxonomy with each category’s deadline class',
          response: { 200: z.object({ items: z.array(categoryView) }), 401: problemSchema, 403: problemSchema, 429: problemSchema },
        },
      },
      async () => ({ items: (await reference.listCategories()) as z.infer<typeof categoryView>[] }),
    );
  };
}
