/**
 * Sign-in with the OpenID Connect provider the API names (GET /v1/console/settings): authorization code with PKCE.
 *
 * start(): a code verifier, a state and a nonce (random, this tab's sessionStorage for the round trip — they are no
 * personal data and are removed when it ends), then off to the provider's authorization endpoint with the verifier's
 * S256 challenge. The provider sends the browser back to /console/signed-in?code&state; finish() checks the state,
 * has the API trade the code (with the verifier and the nonce) for the bearer token, and takes the code out of the
 * address bar.
 */
import { api, unwrap } from './api/client';
import type { OidcSettings, OidcSignedIn } from './api/types';
import { BASE } from './router';

const KEY = 'hotline.console.oidc';

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
}

function random(bytes: number): string {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return base64url(b);
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const byte of bytes) s += String.fromCharCode(byte);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const redirectUri = () => `${window.location.origin}${BASE}signed-in`;

/** Sends the browser to the provider. */
export async function startOidcSignIn(oidc: OidcSettings): Promise<void> {
  if (!oidc.authorizationEndpoint) throw new Error('the identity provider cannot be reached');
  const pending: Pending = { state: random(16), nonce: random(16), verifier: random(48) };
  sessionStorage.setItem(KEY, JSON.stringify(pending));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier))));
  const url = new URL(oidc.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', oidc.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('scope', oidc.scopes);
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  if (oidc.resource) url.searchParams.set('resource', oidc.resource);
  window.location.assign(url.toString());
}

let finishing: Promise<OidcSignedIn> | null = null;

/** The provider's answer at /console/signed-in: the API's token for the person, or why not (once per page load). */
export function finishOidcSignIn(): Promise<OidcSignedIn> {
  finishing ??= finish();
  return finishing;
}

async function finish(): Promise<OidcSignedIn> {
  const params = new URLSearchParams(window.location.search);
  const raw = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  // The code leaves the address bar (and the history) whatever happens next.
  window.history.replaceState(null, '', `${BASE}signed-in`);
  const error = params.get('error');
  if (error) throw new Error(`${error}${params.get('error_description') ? `: ${params.get('error_description')}` : ''}`);
  const pending = raw ? (JSON.parse(raw) as Pending) : null;
  const code = params.get('code');
  if (!pending || !code || params.get('state') !== pending.state) throw new Error('this sign-in was not started here (state)');
  return unwrap(api.POST('/v1/console/oidc/token', { body: { code, codeVerifier: pending.verifier, redirectUri: redirectUri(), nonce: pending.nonce } }));
}
