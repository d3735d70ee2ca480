/**
 * Who is signed in. The token lives in sessionStorage (this tab only, gone when the tab closes): a reload keeps the
 * person signed in, another tab can sign in as someone else (a trainer shows the intake agent and the dispatcher side
 * by side), and nothing is sent without the console adding it (no cookie, so no cross-site request can use it).
 * Memory alone would sign the person out on every reload; localStorage would keep a token for every tab and after the
 * browser closes. Only the token and who it is for (a member of staff, never a complainant) are stored; case data
 * stays in memory (TanStack Query's cache, never persisted).
 */
import type { SignedInPerson } from './api/types';

export interface Session {
  token: string;
  expiresAt: string;
  /** Who signed in (a member of staff, never a complainant): from the development sign-in or the identity provider. */
  person: SignedInPerson;
  /** How: the development sign-in or the OpenID Connect provider (an expired session goes back the same way). */
  via?: 'dev' | 'oidc';
}

const KEY = 'hotline.console.session';
type Listener = () => void;
const listeners = new Set<Listener>();
let current: Session | null = read();
let endedBecause: 'expired' | null = null;

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return Date.parse(s.expiresAt) > Date.now() ? s : null;
  } catch {
    return null;
  }
}

function emit() {
  for (const l of listeners) l();
}

export const session = {
  current: (): Session | null => current,
  token: (): string | null => current?.token ?? null,
  /** Why the last session ended, if it was not the person's choice. */
  endedBecause: () => endedBecause,
  signIn(s: Session) {
    current = s;
    endedBecause = null;
    sessionStorage.setItem(KEY, JSON.stringify(s));
    emit();
  },
  signOut(why: 'expired' | null = null) {
    current = null;
    endedBecause = why;
    sessionStorage.removeItem(KEY);
    emit();
  },
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
