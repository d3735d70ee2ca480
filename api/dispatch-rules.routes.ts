/** HTTP surface of the dispatch catalogue (派单目录): schemas in, schemas out, one service call each. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RULE_UNIT_TYPES } from '../domain/dispatch-catalogue.js';
import { principalOf } from './auth.js';
import { problemSchema } from './cases.schemas.js';
import type { DispatchRulesService } from './dispatch-rules.service.js';

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore');

const ruleFields = {
  categoryId: id.describe('the category the rule covers, with every category below it'),
  areaUnitId: id.nullable().optional().describe('the area the rule covers: this unit and everything below it; null or absent: anywhere'),
  unitId: id.nullable().optional().describe('send to this unit (exactly one of unitId and unitType)'),
  unitType: z
    .enum(RULE_UNIT_TYPES)
    .nullable()
    .optional()
    .describe("send to the unit of this type that the case's place belongs to, e.g. street: the place's street office"),
  note: z.string().trim().max(500).nullable().optional(),
  active: z.boolean().optional().describe('default true; an inactive rule is kept but never matches'),
};

/** Exactly one target; the error names body.unitId. */
function oneTarget(v: { unitId?: string | null; unitType?: string | null }, ctx: z.RefinementCtx): void {
  const hasUnit = v.unitId !== undefined && v.unitId !== null;
  const hasType = v.unitType !== undefined && v.unitType !== null;
  if (hasUnit === hasType) {
    ctx.addIssue({
      code: 'custom',
      path: ['unitId'],
      message: hasUnit ? 'give either unitId or unitType, not both' : 'give a unitId, or a unitType resolved by the case place',
    });
  }
}

const createRuleBody = z
  .strictObject({ id: id.optional().describe('default: a generated dr-… id'), ...ruleFields })
  .superRefine(oneTarget);
const replaceRuleBody = z.strictObject(ruleFields).superRefine(oneTarget);

/** Any id finds its rule or answers 404 (ids are checked when a rule is created). */
const ruleParams = z.object({ ruleId: z.string().min(1).max(100) });

const ruleView = z.object({
  id: z.string(),
  categoryId: z.string(),
  areaUnitId: z.string().nullable(),
  unitId: z.string().nullable(),
  unitType: z.string().nullable(),
  note: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

const previewView = z.object({
  categoryId: z.string(),
  areaUnitId: z.string().nullable(),
  candidates: z.array(z.object({ ruleId: z.string(), unitId: z.string(), unitType: z.string().nullable() })),
  autoDispatch: z.boolean(),
  dispatch: z.object({ unitId: z.string(), ruleId: z.string(), copyTo: z.array(z.string()) }).nullable(),
});

const denied = { 401: problemSchema, 403: problemSchema, 429: problemSchema };
const errors = { 400: problemSchema, 404: problemSchema, 503: problemSchema, ...denied };

const WRITES =
  'Admins write any rule; a dispatcher only rules whose area lies in their unit’s subtree (a dispatcher at the city ' +
  'root: any). This API instance dispatches new cases with the changed catalogue at once; other instances within ' +
  'their reference refresh interval (a minute). Cases already open are not re-dispatched.';

export function dispatchRulesRoutes(rules: DispatchRulesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/dispatch-rules',
      {
        config: { access: 'catalogue.read' },
        schema: {
          tags: ['catalogue'],
          summary: 'The dispatch catalogue (派单目录), ordered by category, then area (anywhere first)',
          querystring: z.strictObject({
            categoryId: id.optional().describe('rules of exactly this category'),
            areaUnitId: id.optional().describe('rules of exactly this area'),
            active: z.enum(['true', 'false']).optional(),
          }),
          response: { 200: z.object({ items: z.array(ruleView) }), 400: problemSchema, ...denied },
        },
      },
      async (req) => {
        const { categoryId, areaUnitId, active } = req.query;
        return rules.list({
          ...(categoryId !== undefined && { categoryId }),
          ...(areaUnitId !== undefined && { areaUnitId }),
          ...(active !== undefined && { active: active === 'true' }),
        });
      },
    );

    app.get(
      '/v1/dispatch-rules/match',
      {
        config: { access: 'catalogue.read' },
        schema: {
          tags: ['catalogue'],
          summary: 'Preview: which rules match a case of this category at this place, and whether it would be dispatched at intake',
          description:
            'A case is dispatched automatically when its matching rules name exactly one unit (the most specific rule is reported); ' +
            'with none or several it waits for a dispatcher. A case sent to a street copies the street’s district.',
          querystring: z.strictObject({
            categoryId: id,
            areaUnitId: id.optional().describe("the case's place; absent: a case without a place"),
          }),
          response: { 200: previewView, ...errors },
        },
      },
      async (req) => rules.preview(req.query.categoryId, req.query.areaUnitId),
    );

    app.get(
      '/v1/dispatch-rules/:ruleId',
      {
        config: { access: 'catalogue.read' },
        schema: {
          tags: ['catalogue'],
          summary: 'One dispatch rule',
          params: ruleParams,
          response: { 200: ruleView, 400: problemSchema, 404: problemSchema, ...denied },
        },
      },
      async (req) => rules.get(req.params.ruleId),
    );

    app.post(
      '/v1/dispatch-rules',
      {
        config: { access: 'catalogue.write' },
        schema: {
          tags: ['catalogue'],
          summary: 'Add a dispatch rule',
          description: `Exactly one of unitId (a fixed unit) and unitType (the unit of that type the case's place belongs to). ${WRITES}`,
          body: createRuleBody,
          response: { 201: ruleView, ...errors },
        },
      },
      async (req, reply) => {
        const rule = await rules.create(req.body, principalOf(req));
        return reply.code(201).header('location', `/v1/dispatch-rules/${encodeURIComponent(rule.id)}`).send(rule);
      },
    );

    app.put(
      '/v1/dispatch-rules/:ruleId',
      {
        config: { access: 'catalogue.write' },
        schema: {
          tags: ['catalogue'],
          summary: 'Replace a dispatch rule’s fields',
          description: `Fields left out are cleared (note, area) or reset (active: true). A dispatcher needs both the old and the new area in their subtree. ${WRITES}`,
          params: ruleParams,
          body: replaceRuleBody,
          response: { 200: ruleView, ...errors },
        },
      },
      async (req) => rules.replace(req.params.ruleId, req.body, principalOf(req)),
    );

    app.delete(
      '/v1/dispatch-rules/:ruleId',
      {
        config: { access: 'catalogue.write' },
        schema: {
          tags: ['catalogue'],
          summary: 'Delete a dispatch rule (to pause one, set active: false instead)',
          description: WRITES,
          params: ruleParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await rules.remove(req.params.ruleId, principalOf(req));
        return reply.code(204).send(null);
      },
    );
  };
}
