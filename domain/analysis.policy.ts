/**
 * The analysis policy (issue 21, DOMAIN.md "Defaults for assessment and analysis") as data: the thresholds of group
 * complaints (群体诉求) and surges, the size of hot-spot cells, the length of the category ranking, and when the
 * daily, weekly and monthly reports run. Every number is a starting point a city changes, so none of them is a
 * constant in the rules (domain/analysis.rules.ts reads them from here).
 *
 * Two schemas, built like domain/policy.schema.ts: lenient (unknown keys dropped) for a document read back from the
 * database, strict (unknown keys refused) for what an administrator writes.
 *
 * Decisions written down here:
 * - Windows are whole days. The group-complaint window is wall-clock time (7 × 24 h sliding over the instants the
 *   cases were received); the surge's window and baseline are local calendar days (the 7 local days ending with the
 *   day evaluated, against the 4 × 7 local days before them), because a surge is a daily question asked by the
 *   daily run, while a group complaint must be seen the moment its fifth caller is recorded.
 * - Cells are geohash cells (domain/analysis.rules.ts `geohash`), their resolution a geohash precision (1–12
 *   characters). Precision 7, the default for both hot spots and group complaints, is 0.001373° of latitude by
 *   0.001373° of longitude: 153 m north–south everywhere, and 153 m × cos(latitude) east–west (117 m at Beijing,
 *   40° N; 130 m at Guangzhou, 23° N) — a compound or a block, the scale on which one building's lift or one
 *   market's noise is "one place".
 * - Report times are local times of the calendar's offset ('HH:MM'). The weekly report covers the Monday–Sunday week
 *   before its run day; the monthly report runs on the day after its month closes: the 1st for a calendar month,
 *   the 19th for an assessment month running 19th–18th (`monthly.basis: 'assessment'` takes the start day from the
 *   assessment policy, which owns that setting; this policy does not repeat it).
 */
import { z } from 'zod';

/** The levels of the org tree a case's place is recorded at (DOMAIN.md "Organisation", below the city). */
export const PLACE_LEVELS = ['district', 'street', 'community', 'grid'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface AnalysisPolicy {
  categories: {
    /** How many categories the distribution lists by name; the rest are one "other" row (DOMAIN: Dongcheng's ten). */
    topN: number;
  };
  hotSpots: {
    /** Geohash precision of the map's cells (1–12 characters; 7 ≈ 153 m × 117 m at 40° N). */
    cellPrecision: number;
  };
  /** 群体诉求: many distinct complainants on one category and one place inside a window. */
  groupComplaint: {
    /** Distinct complainants (not cases: one caller calling twice counts once) that make a group (DOMAIN: 5). */
    minComplainants: number;
    /** The window, in wall-clock days: all of a group's cases fall within this span of each other (DOMAIN: 7). */
    windowDays: number;
    /** Geohash precision of "one place" for cases with coordinates; cases without fall back to their grid/community. */
    cellPrecision: number;
  };
  /** A category rising above its own baseline in one place. */
  surge: {
    /** Where "one place" is counted (DOMAIN: a street). */
    placeLevel: PlaceLevel;
    /** The window, in local days ending with the day evaluated (DOMAIN: 7). */
    windowDays: number;
    /** The baseline: this many windows right before the window; their average is compared (DOMAIN: 4 weeks). */
    baselineWindows: number;
    /** The window's count must be at least this multiple of the baseline's average (DOMAIN: 2). */
    factor: number;
    /** And at least this many cases (DOMAIN: 10): a rise from 1 to 3 is no surge. */
    minCount: number;
  };
  reports: {
    /** Daily notice at this local time, for the previous local day (DOMAIN: 08:00). */
    daily: { at: string };
    /** Weekly summary on this weekday at this local time, for the previous Monday–Sunday (DOMAIN: Monday). */
    weekly: { weekday: IsoWeekday; at: string };
    /**
     * Monthly report at this local time on the day after its month closes: 'calendar' months run on the 1st;
     * 'assessment' months follow the assessment policy's month (e.g. 19th–18th: the report runs on the 19th).
     */
    monthly: { basis: 'calendar' | 'assessment'; at: string };
  };
}

/** DOMAIN.md's numbers. */
export const DEFAULT_ANALYSIS_POLICY: AnalysisPolicy = {
  categories: { topN: 10 },
  hotSpots: { cellPrecision: 7 },
  groupComplaint: { minComplainants: 5, windowDays: 7, cellPrecision: 7 },
  surge: { placeLevel: 'street', windowDays: 7, baselineWindows: 4, factor: 2, minCount: 10 },
  reports: {
    daily: { at: '08:00' },
    weekly: { weekday: 1, at: '08:00' },
    monthly: { basis: 'calendar', at: '08:00' },
  },
};

/** A local time of day, 'HH:MM' (00:00–23:59: a report runs at a moment of a day, never at its end). */
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function build(strict: boolean) {
  const obj = strict ? z.strictObject : z.object;
  const at = z.string().regex(LOCAL_TIME, "a local time 'HH:MM' (00:00–23:59)");
  const precision = z.number().int().min(1).max(12).describe('geohash precision: 5 ≈ 4.9 km, 6 ≈ 1.2 km × 0.6 km, 7 ≈ 153 m, 8 ≈ 38 m × 19 m');
  return obj({
    categories: obj({ topN: z.number().int().min(1).max(100) }),
    hotSpots: obj({ cellPrecision: precision }),
    groupComplaint: obj({
      minComplainants: z.number().int().min(2).max(1000),
      windowDays: z.number().int().min(1).max(366),
      cellPrecision: precision,
    }),
    surge: obj({
      placeLevel: z.enum(PLACE_LEVELS),
      windowDays: z.number().int().min(1).max(92),
      baselineWindows: z.number().int().min(1).max(52),
      factor: z.number().gt(1).max(100),
      minCount: z.number().int().min(1).max(1_000_000),
    }),
    reports: obj({
      daily: obj({ at }),
      weekly: obj({ weekday: z.literal([1, 2, 3, 4, 5, 6, 7]).describe('ISO weekday: 1 = Monday … 7 = Sunday'), at }),
      monthly: obj({ basis: z.enum(['calendar', 'assessment']), at }),
    }),
  });
}

/** A stored analysis policy, read back leniently (a field a newer release added does not stop an older one). */
export const analysisPolicySchema = build(false) satisfies z.ZodType<AnalysisPolicy>;

/** What an administrator writes: unknown keys refused, so a misspelt field is an error instead of silently missing. */
export const analysisPolicyInputSchema = build(true) satisfies z.ZodType<AnalysisPolicy>;
