/**
 * Repeat complaints (并单, DOMAIN.md "Escalation"): which earlier cases carry the same demand as a new complaint, and
 * which case is the master of the group the new complaint joins. Pure and deterministic (no clock, no I/O): the API
 * reads the candidates (api/repeats.repository.ts) and the time, then asks these.
 *
 * The same demand: the same category, AND the same place — the same lowest-level place (the same community or grid:
 * a street or a district is an area, not a place, and links nothing by itself) or both with coordinates within the
 * policy's distance — OR the same complainant (the same phone number once normalised), AND inside the policy's
 * window (counted like a clock from the earlier case: working days on the calendar), AND earlier than the new
 * complaint (by (createdAt, id): links only ever point back in time, so two complaints can never be linked to each
 * other).
 *
 * The master: a group that already exists wins (the master of a matching case, or a matching case that is a master);
 * else the earliest matching case starts one. Either way the earliest by (createdAt, id), open or closed: a problem
 * that was closed and comes back is exactly what the cards count (Luyang counts repeats of open or closed cases in
 * the window), and a closed case's workflow stays for the window to take the link (case.closing.ts lingerUntil); a
 * closed master older than the window is over (its workflow is gone). A member of another group never becomes a
 * master itself (no chains).
 */
import { dueAt } from './deadlines.js';
import type { WorkCalendar } from './calendar.rules.js';
import type { RepeatPolicy } from './policy.types.js';

/** The unit types that are a place (the lowest levels of the org tree): the same one of these is the same place. */
export const PLACE_UNIT_TYPES: readonly string[] = ['community', 'grid'];

/** The new complaint, as the matcher sees it. */
export interface RepeatComplaint {
  /** The new case's number ('' when not known yet): a case never repeats itself (an idempotent retry finds itself). */
  id: string;
  categoryId: string;
  areaUnitId?: string | null;
  /** The type of `areaUnitId` in the org tree: only a place (PLACE_UNIT_TYPES) links by the area alone. */
  areaUnitType?: string | null;
  lat?: number | null;
  lng?: number | null;
  /** The complainant's phone (normalised here again, so any spelling will do). */
  phone: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** An earlier case the indexed search found. */
export interface RepeatCandidate {
  id: string;
  categoryId: string;
  areaUnitId: string | null;
  lat: number | null;
  lng: number | null;
  /** As recorded (normalised by the rules). */
  phone: string;
  createdAt: number;
  status: string;
  /** The master of the group it belongs to, or null. */
  masterCaseId: string | null;
  /** On a master: the group's size (1: no group). */
  repeatCount?: number;
  /** Its master's age and status, when the search read them (the master need not match the new complaint). */
  master?: { createdAt: number; status: string } | null;
}

export interface RepeatDecision {
  /** The master the new complaint is linked to, or null: it starts no group and joins none. */
  masterCaseId: string | null;
  /** Every candidate that is the same demand, oldest first (closed ones included). */
  matches: RepeatCandidate[];
}

/** Whether an earlier case made at `createdAt` is still inside the window at `at`: the window counted from it. */
export const insideWindow = (createdAt: number, at: number, policy: RepeatPolicy, calendar: WorkCalendar): boolean =>
  dueAt(createdAt, policy.window, calendar) >= at;

/** Whether the complaint's area is a place (community or grid), so that the same area is the same place. */
export const placedAt = (complaint: Pick<RepeatComplaint, 'areaUnitId' | 'areaUnitType'>): boolean =>
  Boolean(complaint.areaUnitId) && PLACE_UNIT_TYPES.includes(complaint.areaUnitType ?? '');

/**
 * One spelling per number: digits only; China's country code (+86, 0086, or 86 before a mobile number) dropped,
 * with the trunk 0 a landline dialled from abroad leaves out given back (+86 10 1234 5678 → 01012345678). Other
 * countries keep their +. '' when there are no digits.
 */
export function normalisePhone(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  let national: string | null = null;
  if (trimmed.startsWith('+')) {
    if (!digits.startsWith('86')) return digits ? `+${digits}` : '';
    national = digits.slice(2);
  } else if (digits.startsWith('0086')) national = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('861')) national = digits.slice(2);
  if (national === null) return digits;
  const mobile = national.length === 11 && national.startsWith('1');
  return mobile || national.startsWith('0') || national === '' ? national : `0${national}`;
}

/**
 * The spellings a number is likely stored in (cases keep the phone as typed): what the indexed search asks for, so
 * an equality index finds it. The rules compare normalised numbers; a spelling not listed here is not found by
 * the search (see README "Repeat complaints").
 */
export function phoneSpellings(phone: string): string[] {
  const n = normalisePhone(phone);
  if (!n) return [];
  const out = new Set<string>([phone.trim(), n]);
  if (n.startsWith('+')) return [...out];
  const mobile = n.length === 11 && n.startsWith('1');
  const grouped: string[] = [];
  if (mobile) grouped.push(`${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`, `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`);
  else if (n.startsWith('0')) {
    // Area codes: 010 and 02x have three digits with the 0, the rest four.
    const area = /^0(10|2\d)/.test(n) ? 3 : 4;
    grouped.push(`${n.slice(0, area)}-${n.slice(area)}`, `${n.slice(0, area)} ${n.slice(area)}`);
  }
  for (const g of grouped) out.add(g);
  const international = n.startsWith('0') ? n.slice(1) : n;
  // A bare 86 is read as the country code before a mobile number only.
  for (const p of mobile ? ['+86', '+86 ', '86', '0086'] : ['+86', '+86 ', '0086']) out.add(`${p}${international}`);
  if (mobile) out.add(`+86 ${grouped[0]}`);
  return [...out];
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance in metres. */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The latitude/longitude box that holds every point within `meters` of (lat, lng), a little generous: what the
 * coordinates search asks the index for (the distance itself is checked by sameDemand).
 */
export function boundingBox(lat: number, lng: number, meters: number): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  // 110 574 m is the shortest degree of latitude (at the equator); 1% on top.
  const dLat = (meters / 110_574) * 1.01;
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  const cos = Math.cos(rad(Math.max(Math.abs(minLat), Math.abs(maxLat))));
  if (cos < 0.01) return { minLat, maxLat, minLng: -180, maxLng: 180 };
  const dLng = (meters / (111_320 * cos)) * 1.01;
  return { minLat, maxLat, minLng: Math.max(-180, lng - dLng), maxLng: Math.min(180, lng + dLng) };
}

const hasCoordinates = (p: { lat?: number | null; lng?: number | null }): p is { lat: number; lng: number } =>
  typeof p.lat === 'number' && typeof p.lng === 'number' && Number.isFinite(p.lat) && Number.isFinite(p.lng);

/** Older first: by createdAt, then id. */
const older = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Whether an earlier case carries the same demand as the new complaint (see the module comment). */
export function sameDemand(complaint: RepeatComplaint, c: RepeatCandidate, policy: RepeatPolicy, calendar: WorkCalendar): boolean {
  if (c.id === complaint.id || c.categoryId !== complaint.categoryId) return false;
  if (older(c, complaint) >= 0 || !insideWindow(c.createdAt, complaint.createdAt, policy, calendar)) return false;
  const sameArea = placedAt(complaint) && c.areaUnitId === complaint.areaUnitId;
  const near = hasCoordinates(complaint) && hasCoordinates(c) && distanceMeters(complaint, c) <= policy.distanceMeters;
  const phone = normalisePhone(complaint.phone);
  const sameComplainant = phone !== '' && normalisePhone(c.phone) === phone;
  return sameArea || near || sameComplainant;
}

/** The same-demand cases among the candidates and the master to link the new complaint to (see the module comment). */
export function chooseMaster(complaint: RepeatComplaint, candidates: readonly RepeatCandidate[], policy: RepeatPolicy, calendar: WorkCalendar): RepeatDecision {
  // One row per case whatever the order given: the first by a total order when a case came twice.
  const byId = new Map<string, RepeatCandidate>();
  for (const c of [...candidates].sort((a, b) => older(a, b) || a.status.localeCompare(b.status))) if (!byId.has(c.id)) byId.set(c.id, c);
  const matches = [...byId.values()].filter((c) => sameDemand(complaint, c, policy, calendar)).sort(older);

  // Groups that exist: the masters of matching members (their age and status from the search), and matching masters.
  const groups = new Map<string, { id: string; createdAt: number; status: string }>();
  for (const m of matches) {
    const id = m.masterCaseId ?? m.id;
    if (groups.has(id)) continue; // the oldest member's word on its master: the order given does not matter
    if (m.masterCaseId) {
      const master = byId.get(m.masterCaseId) ?? m.master;
      if (master) groups.set(id, { id, createdAt: master.createdAt, status: master.status });
    } else if ((m.repeatCount ?? 1) > 1) groups.set(id, m);
  }
  const other = (g: { id: string }) => g.id !== complaint.id;
  // A closed master counts while it is inside the window (its workflow stays that long to take the link); an open
  // one, however old, still has its workflow.
  const live = (g: { createdAt: number; status: string }) => g.status !== 'closed' || insideWindow(g.createdAt, complaint.createdAt, policy, calendar);
  const existing = [...groups.values()].filter((g) => other(g) && live(g)).sort(older)[0];
  const founder = matches.find((m) => other(m) && !m.masterCaseId);
  return { masterCaseId: existing?.id ?? founder?.id ?? null, matches };
}
