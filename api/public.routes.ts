/**
 * Complainant self-service over HTTP (api/public.service.ts), and the intake agents' resend of the code.
 *
 * The citizen's routes are `selfService` (api/auth.ts): the case number in the path and the verification code in
 * `X-Case-Code` are the only credential. A missing or wrong code and a number that does not exist all answer the
 * same 404 problem (`case_not_found`, "no case <number>"), so the answers never say whether a case exists; every
 * request counts towards the per-credential rate limit (by address until the code is right). Guessing is slowed
 * down per address and per case (429 with Retry-After, api/auth-throttle.ts), the same for any number.
 *
 * The response schemas are the whole of what a citizen can be sent: zod keeps only the fields listed here (others
 * are dropped when the answer is serialised), and none of them holds a staff name or id, a unit id or an internal
 * note.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SATISFACTION } from '../domain/case.types.js';
import { DomainError } from '../domain/errors.js';
import { principalOf } from './auth.js';
import { actionBodies, CASE_ID_PATTERN, caseIdParams, problemSchema } from './cases.schemas.js';
import type { PublicService } from './public.service.js';

export const PUBLIC_STAGES = ['received', 'redispatching', 'dispatched', 'handling', 'on_hold', 'replied', 'closed'] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];

export const PUBLIC_STEPS = [
  'received',
  'dispatched',
  'reassigned',
  'returned',
  'rehandling',
  'accepted',
  'contacted',
  'on_hold',
  'resumed',
  'deadline_extended',
  'replied',
  'callback_attempted',
  'callback',
  'triaged',
  'rated',
  'closed',
] as const;

const instant = z.string().describe('ISO 8601, UTC');
const localTime = z.string().describe('the same instant as people read it, in local time: 2026年3月9日 17:30');

export const publicCaseParams = z.object({ number: z.string().regex(CASE_ID_PATTERN, 'a case number like HL0123456789ABCDEF') });

export const caseCodeHeaders = z.object({
  'x-case-code': z.string().optional().describe('The 8-digit verification code from the acceptance notice (受理告知) the complainant received'),
});

const publicStep = z.object({
  step: z.enum(PUBLIC_STEPS).describe('stable code of the step'),
  text: z.string().describe('the step in plain Chinese: 已受理, 已派发至 <unit>, 已签收, 已联系您, 已答复 …'),
  at: instant,
  time: localTime,
});
export type PublicStep = z.infer<typeof publicStep>;

const publicRatingGiven = z.object({
  satisfaction: z.enum(SATISFACTION),
  resolved: z.boolean(),
  comment: z.string().nullable(),
  at: instant,
});

export const publicCaseView = z
  .object({
    caseNumber: z.string(),
    title: z.string().describe('the complaint as it was recorded'),
    category: z.string().nullable(),
    submittedAt: instant,
    submittedTime: localTime,
    stage: z.enum(PUBLIC_STAGES).describe('stable code of where the case is'),
    status: z.string().describe('where the case is, in plain Chinese'),
    handlingUnit: z.string().nullable().describe('the name of the unit that has the case'),
    steps: z.array(publicStep).describe('what happened, oldest first'),
    deadlines: z
      .array(z.object({ kind: z.enum(['contact', 'reply', 'callback']), text: z.string(), dueAt: instant, time: localTime }))
      .describe('what the citizen can expect next, and by when'),
    reply: z.object({ content: z.string(), at: instant, time: localTime }).nullable().describe("the unit's latest reply, once it has replied"),
    rating: z
      .object({
        possible: z.boolean().describe('whether POST …/rating would be taken now'),
        until: instant.nullable(),
        untilTime: localTime.nullable(),
        text: z.string(),
        given: publicRatingGiven.nullable(),
      })
      .describe('the online rating (好差评): once, after the reply, inside the rating window'),
  })
  .describe("A case's progress for its complainant: no staff, no unit ids, no internal notes");
export type PublicCaseView = z.infer<typeof publicCaseView>;

export const publicRating = z.object({ caseNumber: z.string() }).extend(publicRatingGiven.shape);
export type PublicRating = z.infer<typeof publicRating>;

export const resendAccepted = z.object({
  caseId: z.string(),
  notificationId: z.number().describe('the notice queued (GET /v1/notifications shows its delivery)'),
  kind: z.literal('code_resend'),
  recipient: z.literal('complainant'),
});
export type ResendAccepted = z.infer<typeof resendAccepted>;

const notFound = { 400: problemSchema, 404: problemSchema, 429: problemSchema, 503: problemSchema };

export function publicRoutes(service: PublicService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/public/cases/:number',
      {
        config: { access: 'case.read', selfService: true },
        schema: {
          tags: ['self-service'],
          summary: 'A case’s progress in plain language, for the complainant (case number + X-Case-Code)',
          description:
            'The complainant received the 8-digit verification code with the acceptance notice (受理告知). A missing or wrong ' +
            'code answers 404 exactly like a case that does not exist. An address that sent too many wrong codes (for this ' +
            'case or any) gets 429 with Retry-After before its code is checked, whether or not the case exists.',
          params: publicCaseParams,
          headers: caseCodeHeaders,
          response: { 200: publicCaseView, ...notFound },
        },
      },
      async (req) => service.progress(req.params.number, req.principal),
    );

    app.post(
      '/v1/public/cases/:number/rating',
      {
        config: { access: 'case.rate', selfService: true },
        schema: {
          tags: ['self-service'],
          summary: 'The complainant rates the handling online (好差评): once, after the reply, inside the rating window',
          description:
            'Answers 201 with the rating; 409 with the case state when the case has not been replied to, was already rated or ' +
            'the rating window has closed. Credentials as for GET /v1/public/cases/{number} (404 when they do not match).',
          params: publicCaseParams,
          headers: caseCodeHeaders,
          body: actionBodies.rate,
          response: { 201: publicRating, 409: problemSchema, ...notFound },
        },
      },
      async (req, reply) => reply.code(201).send(await service.rate(req.params.number, req.body, req.principal)),
    );

    app.post(
      '/v1/cases/:id/verification-code/resend',
      {
        config: { access: 'case.resend_code' },
        schema: {
          tags: ['cases'],
          summary: 'Send the complainant their verification code again (intake agents, for a caller who lost it)',
          description:
            'Queues a fresh notice (kind code_resend) to the complainant’s phone, to which the deliverer adds the code; the ' +
            'answer does not contain it: staff never see a verification code. At most once per 10 minutes per case (429 with ' +
            'Retry-After).',
          params: caseIdParams,
          response: { 202: resendAccepted, 401: problemSchema, 403: problemSchema, ...notFound },
        },
      },
      async (req, reply) => {
        try {
          return reply.code(202).send(await service.resendCode(req.params.id, principalOf(req)));
        } catch (err) {
          // The problem itself comes from the error handler; this only adds when to come back.
          const wait = err instanceof DomainError ? err.details.retryAfterSeconds : undefined;
          if (typeof wait === 'number') reply.header('retry-after', String(wait));
          throw err;
        }
      },
    );
  };
}
