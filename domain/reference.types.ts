/**
 * Reference data shapes shared by the seed, the database schema and the API.
 * Pure types: no numbers, no rules. Defaults live in data (db/seed-data.ts).
 */

/** Territorial levels (Wuhan five-level model) plus functional departments. */
export const UNIT_TYPES = ['city', 'district', 'street', 'community', 'grid', 'department'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** Deadline class of a category: decides which SLA clocks apply (DOMAIN.md "Deadlines"). */
export const SLA_CLASSES = ['emergency', 'utilities', 'urgent', 'general', 'complex'] as const;
export type SlaClass = (typeof SLA_CLASSES)[number];

/** A category's stored deadline class, or 'general' when the category or its class is unknown. */
export function slaClassOf(stored: string | null | undefined): SlaClass {
  return SLA_CLASSES.find((c) => c === stored) ?? 'general';
}

export interface UnitRecord {
  /** Stable code, e.g. "d01" / "d01-s03" / "dept-cg". ASCII, lowercase, dash-separated. */
  id: string;
  /** Official Chinese name, e.g. "临江区城关街道办事处". */
  name: string;
  type: UnitType;
  /** null only for the city itself. Departments hang under the city (or a district for district-level bureaus). */
  parentId: string | null;
  /** Office title + name of the principal leader (正职), e.g. "主任 王建国". Staff, not complainant data. */
  principalLeader: string;
  /** Deputy leader (分管副职) who receives yellow warnings. */
  deputyLeader: string;
  /** Office phone of the unit's hotline desk, e.g. "0551-6362 1234". */
  officePhone: string;
}

export interface CategoryRecord {
  /** Stable code, e.g. "env", "env.noise", "env.noise.construction". Dots separate levels. */
  id: string;
  /** Chinese name, e.g. "施工噪音". */
  name: string;
  parentId: string | null;
  /** Deadline class; children usually inherit their parent's class but may differ (e.g. gas leak = emergency). */
  slaClass: SlaClass;
}
