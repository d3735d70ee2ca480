/**
 * A browser session for the codec endpoint, for Web UIs without a login of their own (the dev server's): the
 * operator opens /codec/login on the API, pastes an admin token, and the API keeps it in an HttpOnly cookie
 * scoped to /codec. With "Include cross-origin credentials" switched on in the UI's Data Encoder settings, the
 * UI's calls to /codec/decode carry the cookie, and api/auth.ts accepts it there (and only there).
 *
 * The cookie is SameSite=Lax and the codec routes take JSON only (a preflighted request, allowed for the
 * configured UI origins alone), so another site cannot make a browser spend it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import { problemSchema } from './cases.schemas.js';

export const CODEC_COOKIE = 'hotline_codec';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hotline · codec sign-in</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Read workflow payloads in clear</h1>
<p>Paste an <strong>admin</strong> bearer token (<code>npm run auth -- dev-tokens</code> prints one in development).
It is kept in an HttpOnly cookie for <code>/codec</code> until the token expires.</p>
<form id="signin"><textarea id="token" rows="6" style="width: 100%" required placeholder="eyJ…"></textarea>
<p><button type="submit">Sign in to the codec</button></p></form>
<p id="result" role="status"></p>
<p>Then, in the Temporal Web UI: <em>Data Encoder</em> (the lock icon) → endpoint <code id="endpoint"></code>,
<em>Use my browser setting</em>, and switch on <em>Include cross-origin credentials</em>.</p>
<script src="/codec/login.js"></script>
</body></html>
`;

// Served as a file: the API's Content-Security-Policy allows scripts from its own origin only, never inline.
const SCRIPT = `document.getElementById('endpoint').textContent = location.origin + '/codec';
document.getElementById('signin').addEventListener('submit', async (e) => {
  e.preventDefault();
  const token = document.getElementById('token').value.trim();
  const res = await fetch('/codec/session', { method: 'POST', headers: { authorization: 'Bearer ' + token } });
  const out = document.getElementById('result');
  if (res.status === 204) { out.textContent = 'Signed in: the Web UI can now decode payloads.'; return; }
  const problem = await res.json().catch(() => ({}));
  out.textContent = 'Refused (' + res.status + '): ' + (problem.detail || res.statusText);
});
`;

export function codecSessionRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/codec/login',
      { config: { access: 'public' }, schema: { tags: ['codec'], summary: 'Sign-in page for the codec endpoint (for Web UIs without a login)', response: { 200: z.string() } } },
      async (_req, reply) => reply.type('text/html; charset=utf-8').send(PAGE),
    );
    app.get(
      '/codec/login.js',
      { config: { access: 'public' }, schema: { tags: ['codec'], summary: 'Script of the sign-in page', response: { 200: z.string() } } },
      async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(SCRIPT),
    );
    app.post(
      '/codec/session',
      {
        config: { access: 'codec.decode' },
        schema: {
          tags: ['codec'],
          summary: 'Keep the bearer token of this request in an HttpOnly cookie for /codec (admins; people, not API keys)',
          response: { 204: z.null(), 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema },
        },
      },
      async (req, reply) => {
        const token = req.headers.authorization?.split(' ')[1];
        const exp = (req.user as { exp?: unknown } | undefined)?.exp;
        if (!token || typeof exp !== 'number') {
          throw new DomainError('validation_failed', 'a codec session is opened with a person’s bearer token, which expires (not with an API key)', {
            errors: [{ field: 'headers.authorization', reason: 'a bearer token is required' }],
          });
        }
        const maxAge = Math.max(0, Math.floor(exp - Date.now() / 1000));
        reply.setCookie(CODEC_COOKIE, token, { path: '/codec', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge });
        return reply.code(204).send(null);
      },
    );
  };
}
