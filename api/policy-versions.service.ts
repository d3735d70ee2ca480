/**
 * The read and write side of a versioned policy (db/policy-versions.ts): every version, the one in force, one version,
 * storing the next (put in force) and putting an earlier one back in force. The assessment policy and the analysis
 * policy are served by it (api/assessment-policies.service.ts, api/analysis-policies.routes.ts).
 */
import type { Principal } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import type { Database } from '../db/client.js';
import type { PolicyVersionRow, policyVersionStore } from '../db/policy-versions.js';

export interface PolicyVersionSummaryView {
  version: number;
  active: boolean;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface PolicyVersionView<D> extends PolicyVersionSummaryView {
  document: D;
}

type Store<D extends { version: number }> = ReturnType<typeof policyVersionStore<D>>;

export interface PolicyVersionsDeps<D extends { version: number }, I> {
  db: Database;
  store: Store<D>;
  /** A stored row's document, read leniently, with its version. */
  documentOf(row: PolicyVersionRow): D;
  /** What the policy is called in errors: 'assessment policy'. */
  label: string;
  /** Where a new version is stored (named when none is in force): 'POST /v1/assessment-policies'. */
  storeRoute: string;
  /** An administrator's input as the document to store (without its version) and the note. */
  split(input: I): { document: Omit<D, 'version'>; note: string | null };
}

const summary = (r: PolicyVersionRow): PolicyVersionSummaryView => ({
  version: r.version,
  active: r.active,
  note: r.note,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
});

export function createPolicyVersionsService<D extends { version: number }, I>(deps: PolicyVersionsDeps<D, I>) {
  const { db, store, label } = deps;
  const view = (r: PolicyVersionRow): PolicyVersionView<D> => ({ ...summary(r), document: deps.documentOf(r) });
  return {
    async list(): Promise<{ activeVersion: number | null; items: PolicyVersionSummaryView[] }> {
      const rows = await store.list(db);
      return { activeVersion: rows.find((r) => r.active)?.version ?? null, items: rows.map(summary) };
    },

    async active(): Promise<PolicyVersionView<D>> {
      const row = await store.active(db);
      if (!row) throw new DomainError('not_found', `no ${label} version is active: run the seed or store one (${deps.storeRoute})`);
      return view(row);
    },

    async get(version: number): Promise<PolicyVersionView<D>> {
      const row = await store.get(db, version);
      if (!row) throw new DomainError('not_found', `no ${label} version ${version}`);
      return view(row);
    },

    /** Stores the document as the next version and puts it in force; the author is the principal. */
    async store(input: I, p: Principal): Promise<PolicyVersionView<D>> {
      const { document, note } = deps.split(input);
      return view(await store.store(db, document, { note, createdBy: p.id }));
    },

    /** Puts a stored version in force again (e.g. after a version that turned out wrong). */
    async activate(version: number): Promise<PolicyVersionView<D>> {
      const row = await store.activate(db, version);
      if (!row) throw new DomainError('not_found', `no ${label} version ${version}`);
      return view(row);
    },
  };
}

export type PolicyVersionsService<D extends { version: number }, I> = ReturnType<typeof createPolicyVersionsService<D, I>>;
