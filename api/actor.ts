import type { FastifyRequest } from 'fastify';
import type { Actor } from '../domain/case.types.js';

/**
 * Who is calling. Until authentication lands this reads the X-Actor-Id / X-Actor-Role headers (for the
 * timeline's "who"); it is the single place the authentication work replaces with the verified credential.
 */
export function actorOf(req: FastifyRequest): Actor {
  const id = req.headers['x-actor-id'];
  const role = req.headers['x-actor-role'];
  const clean = (v: unknown, fallback: string) => (typeof v === 'string' && /^[\w.@:-]{1,64}$/.test(v) ? v : fallback);
  return { id: clean(id, 'anonymous'), role: clean(role, 'unknown') };
}
