/**
 * Live lists: `GET /v1/live/cases`, a stream of server-sent events telling the caller that a case they may list was
 * opened or changed (or left their scope), fed from the record's own announcements (api/live.feed.ts). The console's
 * queues refetch what an event names; nothing else travels: each event is the case number and what changed
 * (status, warning, escalation, the names of the changed fields), never a title, a place or anyone's data.
 *
 * Each event is checked against the caller's list scope (the access table's `case.list`, domain/access.ts inScope,
 * the same rule as GET /v1/cases) on the case as written and as it was before: in scope now → `case`; only before
 * (reassigned away, sent back to dispatch) → `left`; neither → nothing. `resync` (the feed reconnected, or a bulk
 * write) carries nothing: read your lists again.
 *
 * The credential is a header like on every route (the console reads the stream with fetch; an EventSource could
 * only put a token in the URL). A stream lasts at most 15 minutes, then ends (the client reconnects, and its token is
 * checked again); a caller keeps at most 8 at once; a comment every 20 s keeps proxies from closing it.
 */
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS, inScope, type CaseTarget, type Principal } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import { principalOf } from './auth.js';
import { problemSchema } from './cases.schemas.js';
import type { CaseFeed, CaseNotice, FeedMessage } from './live.feed.js';
import type { ReferenceService } from './reference.service.js';

export interface LiveOptions {
  /** How long one stream lasts before the server ends it (the client reconnects). Default 15 min. */
  maxStreamMs?: number;
  /** Streams one caller may hold at once. Default 8. */
  maxStreamsPerCaller?: number;
  /** The keep-alive comment's period. Default 20 s. */
  heartbeatMs?: number;
}

/** What the stream says about a case: its number and what changed, nothing more. */
export interface LiveCaseEvent {
  caseId: string;
  op: 'opened' | 'changed' | 'left';
  seq?: number;
  status?: string;
  warningLevel?: string;
  escalationLevel?: number;
  changed?: string[];
}

const targetOf = (n: CaseNotice, was = false): CaseTarget => {
  const u = was && n.was ? n.was : n;
  return { id: n.id, status: n.status, unitId: u.unitId, areaUnitId: u.areaUnitId, copiedUnitIds: u.copiedUnitIds, cooperatingUnitIds: u.cooperatingUnitIds };
};

/** The event this principal gets for a notice, or null: the list rule (`case.list` scope) on the case now and before. */
export function liveEventFor(p: Principal, n: CaseNotice, reference: Pick<ReferenceService, 'units'>): LiveCaseEvent | null {
  const mayList = (t: CaseTarget) =>
    p.roles.some((r) => {
      const scope = ACCESS[r]?.['case.list'];
      return scope !== undefined && inScope(p, scope, t, reference.units);
    });
  if (mayList(targetOf(n))) {
    return { caseId: n.id, op: n.op, seq: n.seq, status: n.status, warningLevel: n.warningLevel, escalationLevel: n.escalationLevel, changed: n.changed };
  }
  if (n.was && mayList(targetOf(n, true))) return { caseId: n.id, op: 'left' };
  return null;
}

/**
 * The stream as the answer (not the route's typed body: the serializer leaves streams alone). `Connection: close`:
 * when a stream ends (its lifetime, or the API closing) its connection goes with it, rather than idling in
 * keep-alive where a closing server would wait for it.
 */
function sendStream(reply: FastifyReply, stream: PassThrough) {
  return reply
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-accel-buffering', 'no')
    .header('connection', 'close')
    .send(stream);
}

/** Whether the client asked for an event stream (what EventSource and the console's reader send). */
const acceptsEventStream = (accept: string | undefined) => accept !== undefined && /(^|,)\s*text\/event-stream\s*(;|,|$)/i.test(accept);

export function liveRoutes(deps: { feed: CaseFeed; reference: ReferenceService; options?: LiveOptions }): FastifyPluginAsyncZod {
  const maxStreamMs = deps.options?.maxStreamMs ?? 15 * 60_000;
  const maxPerCaller = deps.options?.maxStreamsPerCaller ?? 8;
  const heartbeatMs = deps.options?.heartbeatMs ?? 20_000;
  /** Open streams, by caller, to cap them and to end them all when the API closes. */
  const open = new Map<string, Set<() => void>>();

  return async (app) => {
    app.addHook('preClose', async () => {
      for (const ends of open.values()) for (const end of [...ends]) end();
    });

    app.get(
      '/v1/live/cases',
      {
        config: { access: 'case.list' },
        schema: {
          tags: ['cases'],
          summary: 'Live lists: server-sent events naming each case the caller may list as it is opened or changed (send Accept: text/event-stream)',
          description:
            'text/event-stream. `event: ready` once listening; `event: case` with `{"caseId","op":"opened"|"changed","seq","status","warningLevel",' +
            '"escalationLevel","changed":[field names]}` for a case in the caller’s list scope (the same rule as GET /v1/cases); `event: case` with ' +
            '`{"caseId","op":"left"}` for a case that left it (reassigned, returned); `event: resync` when changes may have been missed (read the ' +
            'lists again). Never personal data, titles or places. A stream ends after 15 minutes (reconnect); at most 8 per caller (429). Without ' +
            '`Accept: text/event-stream` the answer is 400.',
          response: {
            200: z.string().describe('text/event-stream'),
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            429: problemSchema,
            503: problemSchema,
          },
        },
      },
      async (req, reply) => {
        if (!acceptsEventStream(req.headers.accept)) {
          throw new DomainError('validation_failed', 'this route answers an event stream', { errors: [{ field: 'headers.accept', reason: 'send Accept: text/event-stream' }] });
        }
        const principal = principalOf(req);
        const mine = open.get(principal.id) ?? new Set<() => void>();
        if (mine.size >= maxPerCaller) throw new DomainError('rate_limited', `at most ${maxPerCaller} live streams at once per caller`);
        try {
          await deps.feed.ready();
        } catch {
          throw new DomainError('unavailable', 'live lists are unavailable: the record does not answer');
        }

        const stream = new PassThrough();
        const write = (event: string, data: unknown) => {
          if (!stream.writableEnded) stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        };
        const unsubscribe = deps.feed.subscribe((m: FeedMessage) => {
          if (m.kind === 'resync') return write('resync', {});
          const event = liveEventFor(principal, m.notice, deps.reference);
          if (event) write('case', event);
        });
        const heartbeat = setInterval(() => !stream.writableEnded && stream.write(': keep-alive\n\n'), heartbeatMs);
        const lifetime = setTimeout(() => end(), maxStreamMs);
        let ended = false;
        function end() {
          if (ended) return;
          ended = true;
          clearInterval(heartbeat);
          clearTimeout(lifetime);
          unsubscribe();
          mine.delete(end);
          if (mine.size === 0) open.delete(principal.id);
          if (!stream.writableEnded) stream.end();
          // The connection goes with the stream, also when the client stopped reading without closing it: a closing
          // API would otherwise wait for it (HTTP keep-alive) for a minute.
          const socket = req.raw.socket;
          reply.raw.once('finish', () => socket.destroy());
          setTimeout(() => socket.destroy(), 1_000).unref();
        }
        mine.add(end);
        open.set(principal.id, mine);
        reply.raw.on('close', end);
        stream.write('retry: 2000\n\n');
        write('ready', {});
        return sendStream(reply, stream);
      },
    );
  };
}
