/**
 * What a caller sees of a case: the complainant's name, phone and exact place in clear only for those handling
 * it (domain/access.ts piiVisible), masked for everyone else; phone numbers typed into free text (description,
 * notes, replies) masked with them. Lists are always masked.
 */
import type { CaseTarget, Principal } from '../domain/access.js';
import { coarseCoordinate, maskAddress, maskName, maskPhone, maskPhonesInText } from '../domain/pii.js';
import type { CaseEventView, CaseSummary, CaseViewBody } from './cases.schemas.js';

export function targetOf(view: Pick<CaseViewBody, 'id' | 'status' | 'unitId' | 'location' | 'copiedUnitIds' | 'cooperation'>): CaseTarget {
  return {
    id: view.id,
    status: view.status,
    unitId: view.unitId,
    areaUnitId: view.location?.areaUnitId ?? null,
    copiedUnitIds: view.copiedUnitIds,
    cooperatingUnitIds: view.cooperation.map((p) => p.unitId),
  };
}

/** Masks what was given; a name or phone not given (an anonymous complaint) stays null: nothing to mask. */
const masked = (c: CaseViewBody['complainant']): CaseViewBody['complainant'] => ({
  name: c.name === null ? null : maskName(c.name),
  phone: c.phone === null ? null : maskPhone(c.phone),
});

export function maskCase(view: CaseViewBody): CaseViewBody {
  const { location: l } = view;
  return {
    ...view,
    title: maskPhonesInText(view.title),
    description: maskPhonesInText(view.description),
    complainant: masked(view.complainant),
    location: l && {
      ...(l.address !== undefined && { address: maskAddress(l.address) }),
      ...(l.areaUnitId !== undefined && { areaUnitId: l.areaUnitId }),
      ...(l.lat !== undefined && { lat: coarseCoordinate(l.lat) }),
      ...(l.lng !== undefined && { lng: coarseCoordinate(l.lng) }),
    },
    piiMasked: true,
  };
}

export function maskSummary(s: CaseSummary): CaseSummary {
  return { ...s, title: maskPhonesInText(s.title), complainant: masked(s.complainant) };
}

function maskValue(v: unknown): unknown {
  if (typeof v === 'string') return maskPhonesInText(v);
  if (Array.isArray(v)) return v.map(maskValue);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskValue(x)]));
  return v;
}

/**
 * The timeline as this caller may read it: free text masked unless they see the case in clear; a complainant
 * sees which role acted, not which member of staff.
 */
export function presentEvents(items: CaseEventView[], principal: Principal, clear: boolean): CaseEventView[] {
  return items.map((e) => ({
    ...e,
    actor: principal.kind === 'complainant' ? { id: e.actor.role, role: e.actor.role } : e.actor,
    data: clear ? e.data : (maskValue(e.data) as Record<string, unknown>),
  }));
}
