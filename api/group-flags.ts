/**
 * Group complaints (群体诉求) at the case: whether a case is part of a group the analysis watch has flagged
 * (analysis_alerts, kind group_complaint) — one it was flagged with, or one it joined later: the same own category and
 * place, received inside the group's window (domain/analysis.rules.ts `flaggedGroupOf`, the rule that made the group).
 *
 * **Looked up when the case is read** (GET /v1/cases/:id and its related cases), not written at intake: the intake's
 * 201 waits for nothing more, no workflow changes, and a group flagged after a case was opened (the watch runs every
 * 15 minutes; a case can be the one that makes a group) shows on that case from then on, as does one flagged before
 * it. One indexed read per case view (analysis_alerts_group_idx: groups only, by category and detection time).
 *
 * A lookup that fails leaves the field out (the case is answered without it, with a warning in the log): the case
 * view never fails for the analysis.
 */
import { flaggedGroupOf, type FlaggedGroup, type GroupPlace } from '../domain/analysis.rules.js';
import type { AlertRow, AnalysisRepository } from './analysis.repository.js';
import type { CaseViewBody, GroupFlagView } from './cases.schemas.js';

/** The longest group window a policy can set (domain/analysis.policy.ts): how far from a case its group can be detected. */
const MAX_WINDOW_DAYS = 366;

export interface GroupFlagsDeps {
  repository: Pick<AnalysisRepository, 'groupAlertsAround'>;
  /** The type of a unit in the org tree (a case's place is a grid or a community, or no place for groups). */
  unitType: (unitId: string) => string | undefined;
  log: { warn(obj: Record<string, unknown>, msg: string): void };
}

/** What the lookup needs of a case: its category, receipt, place, coordinates and whether it has a phone (never the phone). */
export interface GroupFlagCase {
  id: string;
  categoryId: string;
  receivedAt: string;
  areaUnitId: string | null;
  lat: number | null;
  lng: number | null;
  hasPhone: boolean;
}

/** The facts of a case view the lookup reads (the view before it is masked for its reader). */
export function groupFlagCaseOf(view: Pick<CaseViewBody, 'id' | 'categoryId' | 'receivedAt' | 'location' | 'complainant'>): GroupFlagCase {
  return {
    id: view.id,
    categoryId: view.categoryId,
    receivedAt: view.receivedAt,
    areaUnitId: view.location?.areaUnitId ?? null,
    lat: view.location?.lat ?? null,
    lng: view.location?.lng ?? null,
    hasPhone: /\d/.test(view.complainant.phone ?? ''),
  };
}

type StoredGroup = FlaggedGroup & { row: AlertRow; complainants: number; detectedAt: string };

/** A stored group alert's details as the rule reads them; null when they are not a group's (an older or damaged row). */
function storedGroup(row: AlertRow): StoredGroup | null {
  const d = row.details as { place?: { kind?: unknown; cell?: unknown; unitId?: unknown }; windowStart?: unknown; windowEnd?: unknown; caseIds?: unknown; complainants?: unknown };
  const place: GroupPlace | null =
    d.place?.kind === 'cell' && typeof d.place.cell === 'string'
      ? { kind: 'cell', cell: d.place.cell }
      : d.place?.kind === 'unit' && typeof d.place.unitId === 'string'
        ? { kind: 'unit', unitId: d.place.unitId }
        : null;
  const [start, end] = [Date.parse(String(d.windowStart)), Date.parse(String(d.windowEnd))];
  if (!place || Number.isNaN(start) || Number.isNaN(end) || !Array.isArray(d.caseIds)) return null;
  return {
    row,
    categoryId: row.categoryId,
    place,
    windowStart: start,
    windowEnd: end,
    caseIds: d.caseIds.filter((x): x is string => typeof x === 'string'),
    complainants: typeof d.complainants === 'number' ? d.complainants : 0,
    detectedAt: new Date(Date.parse(row.detectedAt)).toISOString(),
  };
}

export function createGroupFlags({ repository, unitType, log }: GroupFlagsDeps) {
  return {
    /** The flagged group the case is part of; null: none; undefined: the lookup failed (logged). */
    async forCase(c: GroupFlagCase): Promise<GroupFlagView | null | undefined> {
      const receivedAt = Date.parse(c.receivedAt);
      try {
        const rows = await repository.groupAlertsAround({ categoryId: c.categoryId, atMs: receivedAt, maxWindowDays: MAX_WINDOW_DAYS });
        const groups = rows.map(storedGroup).filter((g): g is StoredGroup => g !== null);
        if (!groups.length) return null;
        // The case's place for groups: its own place unit when that is a grid or a community (a street is no place).
        const type = c.areaUnitId ? unitType(c.areaUnitId) : undefined;
        const place: { grid?: string; community?: string } = !c.areaUnitId ? {} : type === 'grid' ? { grid: c.areaUnitId } : type === 'community' ? { community: c.areaUnitId } : {};
        const found = flaggedGroupOf(
          { id: c.id, categoryId: c.categoryId, receivedAt, place, lat: c.lat, lng: c.lng, complainantKey: c.hasPhone ? 'phone' : null },
          groups,
        );
        if (!found) return null;
        return {
          alertId: found.row.id,
          categoryId: found.categoryId,
          place: found.place.kind === 'cell' ? { kind: 'cell', cell: found.place.cell, unitId: null } : { kind: 'unit', cell: null, unitId: found.place.unitId },
          windowStart: new Date(found.windowStart).toISOString(),
          windowEnd: new Date(found.windowEnd).toISOString(),
          detectedAt: found.detectedAt,
          complainants: found.complainants,
          caseIds: [...found.caseIds],
          listed: found.caseIds.includes(c.id),
        };
      } catch (err) {
        log.warn({ caseId: c.id, reason: (err as { code?: string } | null)?.code ?? (err instanceof Error ? err.name : 'error') }, 'group complaint lookup failed: the case is answered without it');
        return undefined;
      }
    },
  };
}

export type GroupFlags = ReturnType<typeof createGroupFlags>;
