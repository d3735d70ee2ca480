/**
 * The typed API client (openapi-fetch over the generated schema): every call names a path and method of the API's
 * OpenAPI document, and its parameters, body and answer are typed from it. The bearer token of the signed-in person
 * is added to every request; a 401 ends the session (an expired token).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { session } from '../session';

/** application/problem+json, as every error of the API is answered. */
export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  state?: string;
  errors?: Array<{ field: string; reason: string }>;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | null) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** A 401 for this token: the session ends (expired) if it is still the session's token. */
function endIfCurrent(token: string | null) {
  if (token !== null && token === session.token()) session.signOut('expired');
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // Only the token in use now can have expired: a request sent before the sign-in (none) or with an earlier one
    // answering late must not end the new session.
    if (response.status === 401) endIfCurrent(request.headers.get('authorization')?.replace(/^Bearer /, '') ?? null);
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string';
}

/** The answer's data, or an ApiError carrying its problem. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw new ApiError(response.status, isProblem(error) ? error : null);
  return data;
}

/**
 * An action route the case's offers name (POST /v1/cases/{id}/<path>): the one request whose path is data from the
 * API rather than a literal. Its path must be one of the document's (checked by the caller against the OpenAPI
 * document the form was built from) and its body is what that route's schema built.
 */
export async function postAction(caseId: string, path: string, body: unknown): Promise<unknown> {
  const token = session.token();
  const response = await fetch(`/v1/cases/${encodeURIComponent(caseId)}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  if (response.status === 401) endIfCurrent(token);
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, isProblem(answer) ? answer : null);
  return answer;
}

/**
 * A file the API answers (an export: format=xlsx|csv) saved by the browser: fetched with the bearer token (a plain
 * link cannot carry it), then handed to the browser as a download under the name the API gave it.
 */
export async function download(url: string): Promise<string> {
  const token = session.token();
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.status === 401) endIfCurrent(token);
  if (!response.ok) {
    const answer: unknown = await response.json().catch(() => null);
    throw new ApiError(response.status, isProblem(answer) ? answer : null);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  const href = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}

/**
 * A document an administrator edited as JSON (a policy version), sent as it stands to a write route: the API's schema
 * is the judge (a 400 names the field). `path` is a literal of the calling code, never user input.
 */
export async function sendDocument(method: 'POST' | 'PUT', path: '/v1/policies' | '/v1/assessment-policies', body: unknown): Promise<unknown> {
  const token = session.token();
  const response = await fetch(path, {
    method,
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  if (response.status === 401) endIfCurrent(token);
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, isProblem(answer) ? answer : null);
  return answer;
}

/**
 * A photo or video sent to a case (POST /v1/cases/{id}/attachments, multipart with one part `file`): the API judges
 * its type from its bytes and takes its location metadata out; a refusal (413, 415, 409 …) is an ApiError naming why.
 */
export async function uploadAttachment(caseId: string, file: File, stage?: 'reply'): Promise<unknown> {
  const token = session.token();
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch(`/v1/cases/${encodeURIComponent(caseId)}/attachments${stage ? `?stage=${stage}` : ''}`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body,
  });
  if (response.status === 401) endIfCurrent(token);
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, isProblem(answer) ? answer : null);
  return answer;
}

