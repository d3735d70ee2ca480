/**
 * The dispatch catalogue's administration (派单目录维护): reads for everyone who dispatches, writes for admins and,
 * within their subtree, for dispatchers. Every write refreshes this instance's reference copy, so the next case
 * opened here is dispatched with the new catalogue; other API instances pick it up within their refresh interval.
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from '../domain/access.js';
import { mayWriteRule, type DispatchRuleRecord } from '../domain/dispatch-catalogue.js';
import { DomainError } from '../domain/errors.js';
import type { DispatchRuleFields, DispatchRuleFilter, DispatchRuleRow, DispatchRulesRepository } from './dispatch-rules.repository.js';
import type { ReferenceService } from './reference.service.js';
import type { CatalogueDispatch } from '../domain/policy.types.js';

/** A rule as the API shows it: the rule, and when and by whom it was last written. */
export interface DispatchRuleView extends DispatchRuleRecord {
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

/** A rule as a caller writes it: the editable fields (absent optional ones are null; `active` defaults to true). */
export interface DispatchRuleInput {
  id?: string;
  categoryId: string;
  areaUnitId?: string | null;
  unitId?: string | null;
  unitType?: string | null;
  note?: string | null;
  active?: boolean;
}

export interface MatchPreview {
  categoryId: string;
  areaUnitId: string | null;
  /** Every matching rule, most specific first, with the unit it resolves to. */
  candidates: Array<{ ruleId: string; unitId: string; unitType: string | null }>;
  /** Whether a case opened now with this category and place would be dispatched at intake. */
  autoDispatch: boolean;
  /** The dispatch it would get (unit, rule, copies), or null: a dispatcher decides. */
  dispatch: CatalogueDispatch | null;
}

const view = (r: DispatchRuleRow): DispatchRuleView => ({
  id: r.id,
  categoryId: r.categoryId,
  areaUnitId: r.areaUnitId,
  unitId: r.unitId,
  unitType: r.unitType,
  note: r.note,
  active: r.active,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  updatedBy: r.updatedBy,
});

const newRuleId = () => `dr-${randomBytes(6).toString('hex')}`;

export function createDispatchRulesService(deps: { repository: DispatchRulesRepository; reference: ReferenceService }) {
  const { repository, reference } = deps;

  function notFound(id: string): DomainError {
    return new DomainError('not_found', `no dispatch rule ${id}`);
  }

  /** The reference copy checks ids and scopes; load it if this instance has none yet (the database decides otherwise). */
  async function ensureReference(): Promise<void> {
    if (!reference.loaded) await reference.refresh().catch(() => undefined);
  }

  function checkReferences(fields: DispatchRuleFields): void {
    reference.assertCategory('body.categoryId', fields.categoryId);
    if (fields.areaUnitId !== null) reference.assertUnit('body.areaUnitId', fields.areaUnitId);
    if (fields.unitId !== null) reference.assertUnit('body.unitId', fields.unitId);
  }

  /** The ids a rule names exist; one the copy does not know may be newer than the copy, so it is reloaded once first. */
  async function assertReferences(fields: DispatchRuleFields): Promise<void> {
    await ensureReference();
    try {
      checkReferences(fields);
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'unknown_reference')) throw err;
      await reference.refresh().catch(() => undefined);
      checkReferences(fields);
    }
  }

  function assertMayWrite(p: Principal, areaUnitId: string | null, which: string): void {
    if (!mayWriteRule(p, areaUnitId, reference.units)) {
      throw new DomainError(
        'forbidden',
        `${which} covers ${areaUnitId === null ? 'the whole city' : `area ${areaUnitId}`}, outside your unit's subtree (${p.unitId ?? 'no unit'})`,
      );
    }
  }

  const fieldsOf = (input: DispatchRuleInput): DispatchRuleFields => ({
    categoryId: input.categoryId,
    areaUnitId: input.areaUnitId ?? null,
    unitId: input.unitId ?? null,
    unitType: input.unitType ?? null,
    note: input.note ?? null,
    active: input.active ?? true,
  });

  /** After a write: this instance dispatches with the new catalogue at once (a failed refresh keeps the old copy until the next). */
  async function refreshed<T>(result: T): Promise<T> {
    await reference.refresh().catch(() => undefined);
    return result;
  }

  return {
    async list(filter: DispatchRuleFilter): Promise<{ items: DispatchRuleView[] }> {
      return { items: (await repository.list(filter)).map(view) };
    },

    async get(id: string): Promise<DispatchRuleView> {
      const row = await repository.get(id);
      if (!row) throw notFound(id);
      return view(row);
    },

    async create(input: DispatchRuleInput, p: Principal): Promise<DispatchRuleView> {
      const fields = fieldsOf(input);
      await assertReferences(fields);
      assertMayWrite(p, fields.areaUnitId, 'the rule');
      const row = await repository.insert(input.id ?? newRuleId(), fields, p.id, new Date());
      return refreshed(view(row));
    },

    async replace(id: string, input: DispatchRuleInput, p: Principal): Promise<DispatchRuleView> {
      const fields = fieldsOf(input);
      await assertReferences(fields);
      const row = await repository.replace(
        id,
        (old) => {
          assertMayWrite(p, old.areaUnitId, `rule ${id}`);
          assertMayWrite(p, fields.areaUnitId, 'the new rule');
        },
        fields,
        p.id,
        new Date(),
      );
      if (!row) throw notFound(id);
      return refreshed(view(row));
    },

    async remove(id: string, p: Principal): Promise<void> {
      await ensureReference();
      const deleted = await repository.remove(id, (old) => assertMayWrite(p, old.areaUnitId, `rule ${id}`));
      if (!deleted) throw notFound(id);
      await refreshed(undefined);
    },

    /** What the catalogue (as this instance has it) answers for a case of this category at this place. */
    async preview(categoryId: string, areaUnitId: string | undefined): Promise<MatchPreview> {
      await ensureReference();
      reference.assertCategory('query.categoryId', categoryId);
      if (areaUnitId !== undefined) reference.assertUnit('query.areaUnitId', areaUnitId);
      const match = reference.catalogueMatch(categoryId, areaUnitId);
      if (!match) throw new DomainError('unavailable', 'the dispatch catalogue is not loaded yet; retry later');
      return {
        categoryId,
        areaUnitId: areaUnitId ?? null,
        candidates: match.candidates.map((c) => ({ ...c, unitType: reference.unitType(c.unitId) ?? null })),
        autoDispatch: match.dispatch !== null,
        dispatch: match.dispatch,
      };
    },
  };
}

export type DispatchRulesService = ReturnType<typeof createDispatchRulesService>;
