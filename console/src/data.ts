/** The queries the desks share (TanStack Query; memory only, never persisted). */
import { useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api/client';
import type { AccessAction, Category, Unit } from './api/types';
import { session } from './session';

const forever = { staleTime: Infinity, gcTime: Infinity } as const;

export function useSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: () => unwrap(api.GET('/v1/console/settings')), ...forever });
}

/** Who is signed in (GET /v1/me): asked only while someone is (a request without a token would only be refused). */
export function useMe() {
  const signedIn = useSyncExternalStore(session.subscribe, session.current) !== null;
  return useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/v1/me')), enabled: signedIn, staleTime: 5 * 60_000 });
}

/** Whether the access table grants the signed-in person this action anywhere (which desks to show; the API decides each answer). */
export function useGrants(): { ready: boolean; has(action: AccessAction): boolean } {
  const me = useMe();
  const held = new Set(me.data?.grants.map((g) => g.action));
  return { ready: me.isSuccess, has: (a) => held.has(a) };
}

export interface UnitDirectory {
  list: Unit[];
  byId: Map<string, Unit>;
  name(id: string | null | undefined): string;
}

export function useUnits() {
  return useQuery({
    queryKey: ['units'],
    queryFn: async (): Promise<UnitDirectory> => {
      const { items } = await unwrap(api.GET('/v1/units', { params: { query: {} } }));
      const byId = new Map(items.map((u) => [u.id, u]));
      return { list: items, byId, name: (id) => (id ? (byId.get(id)?.name ?? id) : '') };
    },
    ...forever,
  });
}

export interface CategoryDirectory {
  list: Category[];
  byId: Map<string, Category>;
  name(id: string): string;
  /** The path of names from the top (环境污染 / 噪声污染 / 施工噪音). */
  path(id: string): string;
}

export function useCategories() {
  return useQuery({
    queryKey: ['categories'],
    queryFn: async (): Promise<CategoryDirectory> => {
      const { items } = await unwrap(api.GET('/v1/categories'));
      const byId = new Map(items.map((c) => [c.id, c]));
      const path = (id: string): string => {
        const names: string[] = [];
        for (let c = byId.get(id); c; c = c.parentId ? byId.get(c.parentId) : undefined) names.unshift(c.name);
        return names.join(' / ') || id;
      };
      return { list: items, byId, name: (id) => byId.get(id)?.name ?? id, path };
    },
    ...forever,
  });
}

/** The API's OpenAPI document: the action forms are built from its request body schemas. */
export interface OpenApiDoc {
  paths: Record<string, { post?: { requestBody?: { content?: { 'application/json'?: { schema?: JsonSchema } } } } }>;
}
export interface JsonSchema {
  type?: string | string[];
  enum?: Array<string | number>;
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
  pattern?: string;
}

export function useOpenApi() {
  return useQuery({
    queryKey: ['openapi'],
    queryFn: async (): Promise<OpenApiDoc> => {
      const res = await fetch('/docs/json');
      if (!res.ok) throw new Error(`the API document answered ${res.status}`);
      return (await res.json()) as OpenApiDoc;
    },
    ...forever,
  });
}

/** The request body schema of POST <path>, or undefined when the document has no such route. */
export function bodySchema(doc: OpenApiDoc, path: string): JsonSchema | undefined {
  return doc.paths[path]?.post?.requestBody?.content?.['application/json']?.schema;
}
