/**
 * The console's client routes under /console/ (the API answers index.html for each): a few fixed paths and the case
 * page. Only case numbers and desk names ever appear in a URL, never a complainant's data.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'home' }
  | { page: 'sign-in' }
  | { page: 'signed-in' }
  | { page: 'intake' }
  | { page: 'dispatch' }
  | { page: 'queue' }
  | { page: 'callback' }
  | { page: 'supervision' }
  | { page: 'review' }
  | { page: 'analysis' }
  | { page: 'admin' }
  | { page: 'case'; id: string };

export const BASE = '/console/';
const CASE = /^cases\/(HL[0-9A-Z]{16})$/;

export function parse(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length).replace(/\/$/, '') : '';
  const m = CASE.exec(rest);
  if (m) return { page: 'case', id: m[1]! };
  switch (rest) {
    case 'sign-in':
    case 'signed-in':
    case 'intake':
    case 'dispatch':
    case 'queue':
    case 'callback':
    case 'supervision':
    case 'review':
    case 'analysis':
    case 'admin':
      return { page: rest };
    default:
      return { page: 'home' };
  }
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'home':
      return BASE;
    case 'case':
      return `${BASE}cases/${route.id}`;
    default:
      return `${BASE}${route.page}`;
  }
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function navigate(route: Route, replace = false): void {
  const href = hrefOf(route);
  if (href === window.location.pathname) return;
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  const path = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => window.location.pathname,
  );
  return parse(path);
}
