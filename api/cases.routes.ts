/** HTTP surface of cases: schemas in, schemas out, one service call each. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantedRoleOf, principalOf } from './auth.js';
import {
  actionBodies,
  caseEventList,
  caseIdParams,
  caseList,
  caseView,
  createCaseBody,
  idempotencyHeaders,
  listCasesQuery,
  problemSchema,
  signalAccepted,
} from './cases.schemas.js';
import type { CasesService } from './cases.service.js';
import { publicCaseView } from './public.routes.js';
import type { PublicService } from './public.service.js';
import type { SignalAction, UpdateAction } from '../workflows/case.messages.js';

const denied = { 401: problemSchema, 403: problemSchema, 429: problemSchema };
const errors = { 400: problemSchema, 404: problemSchema, 409: problemSchema, 503: problemSchema, ...denied };

/** The staff's case actions, each an Update (the complainant's rating has its own public route). */
const UPDATE_SUMMARIES: Record<Exclude<UpdateAction, 'rate'>, string> = {
  dispatch: 'Dispatch (派单) to a unit',
  accept: 'The unit signs for the case (签收)',
  return: 'The unit returns the case to the dispatcher (退单)',
  contact: 'Record contact with the complainant (联系)',
  progress: 'Add a progress note (办理进展)',
  reply: 'Reply with the handling result (回复)',
  callback: 'Record the callback survey (回访); closes the case or starts another round',
  triage: 'Answer the case without dispatch (consultation, emergency transfer, referral, repeat, out of scope) and close it',
  cooperate: 'A cooperating unit (协办) signs for its part of a joint case',
  report: 'A cooperating unit reports its part to the lead unit',
  request_extension: 'The unit asks for more working days on the reply deadline (延期), before it passes',
  decide_extension: "Approve or deny the pending extension request (the unit's leader or a dispatcher; beyond the first, a supervisor)",
  hold: 'Put the case on hold (挂账): every running clock pauses; reminders go out on the review dates',
  resume: 'Take the case off hold: the clocks restart with the time paused given back',
  dispute: "The case's unit disputes an unsatisfied result: the case goes to the third-party review queue",
  review: 'Third-party review (第三方评价) of an unsatisfied or disputed case: is the demand reasonable, was the handling compliant',
  terminate: '终止办理: end a case whose review found the demand unreasonable (repeated identical demand, or outside law and policy)',
};

/** Where an action's route lives under /v1/cases/:id/ when it is not the action's own name. */
const UPDATE_PATHS: Partial<Record<UpdateAction, string>> = {
  request_extension: 'extension-requests',
  decide_extension: 'extension-requests/decision',
};
/** Supervisor pushes (the repeat link between cases is the API's own signal, sent at intake). */
const SIGNAL_SUMMARIES: Record<Exclude<SignalAction, 'repeat'>, string> = {
  escalate: 'Escalate (督办) to a higher supervision level',
  reassign: 'Reassign (改派) to another unit',
  urge: 'Urge (催办) the unit that has the case, with a note; the unit is sent a notice',
};

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

    for (const action of Object.keys(UPDATE_SUMMARIES) as Array<keyof typeof UPDATE_SUMMARIES>) {
      app.post(
        `/v1/cases/:id/${UPDATE_PATHS[action] ?? action}`,
        {
          config: { access: `case.${action}` },
          schema: {
            tags: ['case actions'],
            summary: UPDATE_SUMMARIES[action],
            description: 'Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.',
            params: caseIdParams,
            body: actionBodies[action] as z.ZodType<Record<string, unknown>>,
            response: { 200: caseView, ...errors },
          },
        },
        async (req) => cases.act(req.params.id, action, req.body as never, principalOf(req)),
      );
    }

    for (const action of Object.keys(SIGNAL_SUMMARIES) as Array<keyof typeof SIGNAL_SUMMARIES>) {
      app.post(
        `/v1/cases/:id/${action}`,
        {
          config: { access: `case.${action}` },
          schema: {
            tags: ['supervision'],
            summary: SIGNAL_SUMMARIES[action],
            description: 'Checked against the case state (409 if it does not fit), then delivered to the case; answers 202.',
            params: caseIdParams,
            body: actionBodies[action] as z.ZodType<Record<string, unknown>>,
            response: { 202: signalAccepted, ...errors },
          },
        },
        async (req, reply) => {
          await cases.signal(req.params.id, action, req.body as never, principalOf(req));
          return reply.code(202).send({ caseId: req.params.id, action, accepted: true as const });
        },
      );
    }
  };
}
