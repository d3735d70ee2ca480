/** HTTP surface of cases: schemas in, schemas out, one service call each. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantedRoleOf, principalOf } from './auth.js';
import {
  actionBodies,
  caseEventList,
  caseIdParams,
  caseList,
  caseOffers,
  caseView,
  createCaseBody,
  idempotencyHeaders,
  listCasesQuery,
  problemSchema,
  signalAccepted,
  STAFF_SIGNALS,
  type StaffSignal,
} from './cases.schemas.js';
import type { CasesService } from './cases.service.js';
import { publicCaseView } from './public.routes.js';
import type { PublicService } from './public.service.js';
import { accessActionOf } from '../domain/access.js';
import { CASE_ACTION_TABLE, UPDATE_ACTIONS, type ActionSpec, type CasePayloads, type UpdateAction } from '../domain/case.actions.js';

const denied = { 401: problemSchema, 403: problemSchema, 429: problemSchema };
const errors = { 400: problemSchema, 404: problemSchema, 409: problemSchema, 503: problemSchema, ...denied };
type StaffRoute = NonNullable<ActionSpec['route']>;

/**
 * `complainant`: the plain-language view (api/public.service.ts), which is what a complainant is answered on
 * GET /v1/cases/:id with the case code; the staff view never reaches them (the cases service refuses it).
 */
export function casesRoutes(cases: CasesService, complainant: Pick<PublicService, 'progress'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/cases',
      {
        config: { access: 'case.open' },
        schema: {
          tags: ['cases'],
          summary: 'Open a case from a complaint (受理)',
          description:
            'Answers 201 once the case workflow has started. An Idempotency-Key belongs to the caller that sent it (a channel ticket ' +
            'number, used when no key is sent, to its channel): a repeat answers 200 with the same case as GET /v1/cases/{id} would ' +
            'answer this caller (404 if they may not read it); the same key with another complaint answers 422.',
          headers: idempotencyHeaders,
          body: createCaseBody,
          response: { 200: caseView, 201: caseView, 422: problemSchema, ...errors },
        },
      },
      async (req, reply) => {
        const { view, created } = await cases.open(req.body, req.headers['idempotency-key'], principalOf(req), grantedRoleOf(req));
        return reply.code(created ? 201 : 200).header('location', `/v1/cases/${view.id}`).send(view);
      },
    );

    app.get(
      '/v1/cases',
      {
        config: { access: 'case.list' },
        schema: {
          tags: ['cases'],
          summary: "List cases in the caller's scope (newest first, cursor pagination); personal data masked",
          querystring: listCasesQuery,
          response: { 200: caseList, 400: problemSchema, ...denied },
        },
      },
      async (req) => cases.list(req.query, principalOf(req)),
    );

    app.get(
      '/v1/cases/:id',
      {
        config: { access: 'case.read' },
        schema: {
          tags: ['cases'],
          summary: 'One case, as its workflow sees it now',
          description:
            'Staff: the case view, personal data in clear only for those handling the case. A complainant (X-Case-Code) is ' +
            'answered the plain-language view of GET /v1/public/cases/{number}, nothing more.',
          params: caseIdParams,
          response: { 200: z.union([caseView, publicCaseView]), ...errors },
        },
      },
      async (req) => {
        const principal = principalOf(req);
        return principal.kind === 'complainant' ? complainant.progress(req.params.id, principal) : cases.get(req.params.id, principal);
      },
    );

    app.get(
      '/v1/cases/:id/events',
      {
        config: { access: 'case.events' },
        schema: {
          tags: ['cases'],
          summary: 'The case timeline (who, what, when, why), in sequence order',
          params: caseIdParams,
          response: { 200: caseEventList, ...errors },
        },
      },
      async (req) => cases.events(req.params.id, principalOf(req)),
    );

    app.get(
      '/v1/cases/:id/actions',
      {
        config: { access: 'case.read' },
        schema: {
          tags: ['cases'],
          summary: 'The actions the caller may take on the case now (for a console: only these are offered)',
          description:
            "Each action the access table grants the caller on this case that the case's rules take in its present state " +
            '(the same checks its Update validators run, with the payload left aside), with its route. A case whose workflow ' +
            'has ended takes none. Staff only.',
          params: caseIdParams,
          response: { 200: caseOffers, ...errors },
        },
      },
      async (req) => cases.offers(req.params.id, principalOf(req)),
    );

    /** A staff action sent as an Update: answers the case after it (200), or 409 with the state. */
    function updateRoute(action: UpdateAction, route: StaffRoute): void {
      const body: z.ZodType<CasePayloads[UpdateAction]> = actionBodies[action];
      app.post(
        `/v1/cases/:id/${route.path ?? action}`,
        {
          config: { access: accessActionOf(action) },
          schema: {
            tags: ['case actions'],
            summary: route.summary,
            description: 'Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.',
            params: caseIdParams,
            body,
            response: { 200: caseView, ...errors },
          },
        },
        async (req) => cases.act(req.params.id, action, req.body, principalOf(req)),
      );
    }

    /** A supervisor push sent as a signal: checked against the state first (409), then delivered (202). */
    function signalRoute(action: StaffSignal, route: StaffRoute): void {
      const body: z.ZodType<CasePayloads[StaffSignal]> = actionBodies[action];
      app.post(
        `/v1/cases/:id/${route.path ?? action}`,
        {
          config: { access: accessActionOf(action) },
          schema: {
            tags: ['supervision'],
            summary: route.summary,
            description: 'Checked against the case state (409 if it does not fit), then delivered to the case; answers 202.',
            params: caseIdParams,
            body,
            response: { 202: signalAccepted, ...errors },
          },
        },
        async (req, reply) => {
          await cases.signal(req.params.id, action, req.body, principalOf(req));
          return reply.code(202).send({ caseId: req.params.id, action, accepted: true as const });
        },
      );
    }

    // The routes of the action table's staff actions, in its order: its Updates, then its signals.
    for (const action of UPDATE_ACTIONS) {
      const route = CASE_ACTION_TABLE[action].route;
      if (route) updateRoute(action, route);
    }
    for (const action of STAFF_SIGNALS) {
      const route = CASE_ACTION_TABLE[action].route;
      if (route) signalRoute(action, route);
    }
  };
}
