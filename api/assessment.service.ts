/**
 * The read side of the assessment (考核): a level's ranking for a period, one unit's figures, the cases behind a
 * figure (drill-down), and published rankings. Every number comes from the counters (api/assessment.repository.ts)
 * through the pure rules (domain/assessment.rules.ts `unitFigures`, `rankUnits`) with the assessment policy in force
 * (db/assessment-policy.ts); nothing here re-implements a formula.
 *
 * Who sees what (domain/access.ts `assessment.read`, `reachOf`): analysts, supervisors and admins every unit; a unit's
 * leaders the figures of their unit and the units below it. In a ranking they see only those rows, each with its
 * rank among all the ranking's peers (the other rows, names and figures, are left out; `peers` says how many there
 * are); a unit outside their subtree answers 403 on the figures and the drill-down. Publishing (`assessment.publish`):
 * admins anywhere, a supervisor the rankings within their subtree.
 *
 * Periods are local days in the calendar's offset (the case policy's calendar); the assessment month follows the
 * assessment policy (`assessmentMonth.startDay`). A request without `period` gets the last complete period.
 */
import { reachOf, withinReach, type Principal, type Reach } from '../domain/access.js';
import type { AssessmentPolicy } from '../domain/assessment.policy.js';
import { describeFigure, FIGURE_NAMES, figureTerms, fullCounts, NOT_REPORTED, type FigureName } from '../domain/assessment.figures.js';
import { resolvePeriod } from '../domain/assessment.periods.js';
import { rankUnits, unitFigures, type Counter, type Counts, type PeriodKind, type UnitFigures } from '../domain/assessment.rules.js';
import { localDate } from '../domain/calendar.rules.js';
import { DomainError } from '../domain/errors.js';
import { maskPhonesInText } from '../domain/pii.js';
import { loadActiveAssessmentPolicy } from '../db/assessment-policy.js';
import type { Database } from '../db/client.js';
import { maskSummary, summaryOf } from './cases.presenter.js';
import type { AssessmentRepository, PublicationRow, PublicationSummaryRow } from './assessment.repository.js';
import {
  rankingView,
  type DrillList,
  type DrillQuery,
  type PublicationListQuery,
  type PublicationSummary,
  type PublicationView,
  type PublicRankingView,
  type PublishBody,
  type PublishedView,
  type RankingRowView,
  type RankingView,
  type UnitFiguresView,
} from './assessment.schemas.js';
import type { ReferenceService } from './reference.service.js';

export interface AssessmentServiceDeps {
  db: Database;
  repository: AssessmentRepository;
  reference: ReferenceService;
  /** The clock (tests pin it); default Date.now. */
  now?: () => number;
}

// ---------------------------------------------------------------------------------------------------------------
// Views

const figuresView = (f: UnitFigures) => Object.fromEntries(FIGURE_NAMES.map((n) => [n, f[n]])) as Record<FigureName, UnitFigures[FigureName]>;

export const formulasOf = (policy: AssessmentPolicy) => FIGURE_NAMES.map((figure) => ({ figure, zh: describeFigure(figure, policy, 'zh'), en: describeFigure(figure, policy, 'en') }));
const notReported = () => NOT_REPORTED.map((n) => ({ ...n }));

/** Score differences are shown at the precision scores are compared at (domain SCORE_PRECISION). */
const round9 = (v: number) => Math.round(v * 1e9) / 1e9;

/** Only the rows a reader may see: all of them, or those of units in their subtree (ranks stay among all peers). */
function restrict(view: RankingView, reach: Reach, within: (unitId: string, ancestor: string) => boolean): RankingView {
  if (reach.all) return view;
  return { ...view, restricted: true, rows: view.rows.filter((r) => within(r.unitId, reach.unitId)) };
}

const cursorOf = (r: { day: string; caseId: string; unitId: string }) => Buffer.from(`${r.day}|${r.caseId}|${r.unitId}`).toString('base64url');
const DRILL_CURSOR = /^(\d{4}-\d{2}-\d{2})\|(HL[0-9A-Z]{16})\|([A-Za-z0-9._-]{1,64})$/;
function decodeDrillCursor(cursor: string): { day: string; caseId: string; unitId: string } {
  const m = DRILL_CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m || cursorOf({ day: m[1]!, caseId: m[2]!, unitId: m[3]! }) !== cursor) {
    throw new DomainError('validation_failed', 'malformed cursor', { errors: [{ field: 'query.cursor', reason: 'not a cursor this API issued' }] });
  }
  return { day: m[1]!, caseId: m[2]!, unitId: m[3]! };
}

const summaryOfPublication = (r: PublicationSummaryRow | (PublicationRow & { supersededBy: number | null })): PublicationSummary => ({
  id: r.id,
  level: r.level,
  within: r.within,
  periodKind: r.periodKind as PeriodKind,
  period: r.period,
  version: r.version,
  policyVersion: r.policyVersion,
  public: r.public,
  note: r.note === null ? null : maskPhonesInText(r.note),
  publishedAt: r.publishedAt.toISOString(),
  publishedBy: r.publishedBy,
  supersededBy: r.supersededBy,
});

export function createAssessmentService(deps: AssessmentServiceDeps) {
  const { db, repository, reference } = deps;
  const now = deps.now ?? Date.now;

  async function policyInForce(): Promise<AssessmentPolicy> {
    const policy = await loadActiveAssessmentPolicy(db);
    if (!policy) throw new DomainError('unavailable', 'no assessment policy is in force: run the seed or store one (POST /v1/assessment-policies)');
    return policy;
  }

  /** Today in the calendar's local time (the case policy's calendar: the days the counters are dated in). */
  function today(): string {
    const calendar = reference.policyInForce()?.calendar;
    if (!calendar) throw new DomainError('unavailable', 'the policy in force is not loaded yet; retry in a moment');
    return localDate(now(), calendar);
  }

  function reachFor(p: Principal, action: 'assessment.read' | 'assessment.publish'): Reach {
    const reach = reachOf(p, action, reference.units);
    if (!reach) throw new DomainError('forbidden', `${p.roles.join(', ')} may not ${action} here`);
    return reach;
  }

  async function knownUnit(unitId: string, field: string) {
    const unit = await repository.unit(unitId);
    if (!unit) throw new DomainError('unknown_reference', `no unit ${unitId}`, { errors: [{ field, reason: `no unit with id ${unitId} (GET /v1/units lists them)` }] });
    return unit;
  }

  function requireReach(reach: Reach, unitId: string): void {
    if (!withinReach(reach, unitId, reference.units)) throw new DomainError('forbidden', `unit ${unitId} is outside your subtree`);
  }

  /** A level's ranking for a period, with every row (the caller restricts it for its reader). */
  async function computeRanking(q: { level: string; periodKind: PeriodKind; period?: string | undefined; within?: string | undefined }, field = 'query'): Promise<RankingView> {
    const policy = await policyInForce();
    const period = resolvePeriod(q.periodKind, q.period, policy.assessmentMonth, today(), `${field}.period`);
    const within = q.within ?? null;
    if (within !== null) await knownUnit(within, `${field}.within`);
    const peers = await repository.levelUnits(q.level, within);
    const [current, before] = await Promise.all([
      repository.levelCounts({ level: q.level, within, range: period.days }),
      repository.levelCounts({ level: q.level, within, range: period.previous.days }),
    ]);
    const inputs = (counts: Map<string, Counts>) => peers.map((u) => ({ unitId: u.id, counts: counts.get(u.id) ?? {} }));
    const previousRows = rankUnits(inputs(before), policy);
    const previousRank = new Map(previousRows.map((r) => [r.unitId, r.rank]));
    const previousScore = new Map(previousRows.map((r) => [r.unitId, r.score.value]));
    const names = new Map(peers.map((u) => [u.id, u.name]));
    const rows: RankingRowView[] = rankUnits(inputs(current), policy, previousRank).map((r) => {
      const prevScore = previousScore.get(r.unitId) ?? null;
      return {
        unitId: r.unitId,
        unitName: names.get(r.unitId) ?? r.unitId,
        rank: r.rank,
        unranked: r.unranked,
        flagged: r.flagged,
        score: r.score,
        figures: figuresView(r.figures),
        counts: fullCounts(r.counts),
        previousRank: r.previousRank,
        change: r.change,
        previousScore: prevScore,
        scoreChange: prevScore === null || r.score.value === null ? null : round9(r.score.value - prevScore),
      };
    });
    const ranked = rows.filter((r) => r.rank !== null).length;
    return {
      level: q.level,
      within,
      periodKind: period.periodKind,
      period: period.period,
      days: period.days,
      previous: period.previous,
      policyVersion: policy.version,
      policy,
      figureScope: 'subtree',
      formulas: formulasOf(policy),
      notReported: notReported(),
      computedAt: new Date(now()).toISOString(),
      peers: { ranked, unranked: rows.length - ranked },
      restricted: false,
      rows,
    };
  }

  const restrictFor = (view: RankingView, reach: Reach) => restrict(view, reach, (u, a) => reference.units.within(u, a));

  function publicationView(row: PublicationRow & { supersededBy: number | null }, reach: Reach): PublicationView {
    return { ...summaryOfPublication(row), ranking: restrictFor(rankingView.parse(row.ranking), reach) };
  }

  return {
    /** GET /v1/rankings: a level's ranking for a period, as this reader may see it. */
    async ranking(q: { level: string; periodKind: PeriodKind; period?: string | undefined; within?: string | undefined }, p: Principal): Promise<RankingView> {
      const reach = reachFor(p, 'assessment.read');
      return restrictFor(await computeRanking(q), reach);
    },

    /** GET /v1/units/:unitId/figures: one unit's own and subtree figures for a period. */
    async unitFigures(unitId: string, q: { periodKind: PeriodKind; period?: string | undefined }, p: Principal): Promise<UnitFiguresView> {
      const reach = reachFor(p, 'assessment.read');
      const unit = await repository.unit(unitId);
      if (!unit) throw new DomainError('not_found', `no unit ${unitId}`);
      requireReach(reach, unitId);
      const policy = await policyInForce();
      const period = resolvePeriod(q.periodKind, q.period, policy.assessmentMonth, today());
      const [{ own, subtree }, size] = await Promise.all([repository.unitCounts(unitId, period.days), repository.subtreeSize(unitId)]);
      return {
        unit: { id: unit.id, name: unit.name, type: unit.type },
        periodKind: period.periodKind,
        period: period.period,
        days: period.days,
        policyVersion: policy.version,
        formulas: formulasOf(policy),
        notReported: notReported(),
        own: { counts: fullCounts(own), figures: figuresView(unitFigures(own, policy)) },
        subtree: { units: size, counts: fullCounts(subtree), figures: figuresView(unitFigures(subtree, policy)) },
      };
    },

    /** GET /v1/assessment/cases: the cases behind a figure or a counter of a unit in a period. */
    async drill(q: DrillQuery, p: Principal): Promise<DrillList> {
      const reach = reachFor(p, 'assessment.read');
      if ((q.figure === undefined) === (q.counter === undefined)) {
        throw new DomainError('validation_failed', 'give either figure or counter', { errors: [{ field: 'query.figure', reason: 'give exactly one of figure and counter' }] });
      }
      const missed = q.missed === 'true';
      if (missed && q.figure === undefined) {
        throw new DomainError('validation_failed', 'missed needs a figure', { errors: [{ field: 'query.missed', reason: 'missed applies to a figure, not a counter' }] });
      }
      await knownUnit(q.unitId, 'query.unitId');
      requireReach(reach, q.unitId);
      const policy = await policyInForce();
      const period = resolvePeriod(q.periodKind, q.period, policy.assessmentMonth, today());
      const terms = q.figure === undefined ? null : figureTerms(q.figure, policy);
      const denominator: Counter = terms ? terms.denominator : q.counter!;
      const rows = await repository.drill({
        unitId: q.unitId,
        scope: q.scope,
        range: period.days,
        denominator,
        numerator: terms?.numerator ?? [],
        keep: !missed ? 'all' : terms!.better === 'higher' ? 'short' : 'counted',
        ...(q.cursor !== undefined && { after: decodeDrillCursor(q.cursor) }),
        limit: q.limit,
      });
      const page = rows.slice(0, q.limit);
      const caseRows = await repository.caseRows(page.map((r) => r.caseId));
      const last = page.at(-1);
      return {
        unitId: q.unitId,
        scope: q.scope,
        periodKind: period.periodKind,
        period: period.period,
        days: period.days,
        policyVersion: policy.version,
        figure: q.figure && terms ? { name: q.figure, better: terms.better, denominator: terms.denominator, numerator: terms.numerator, formula: formulasOf(policy).find((f) => f.figure === q.figure)! } : null,
        counter: q.counter ?? null,
        missed,
        items: page.map((r) => {
          const row = caseRows.get(r.caseId);
          const lost = terms === null ? null : terms.better === 'higher' ? round9(r.denominator - r.numerator) : round9(r.numerator);
          return {
            caseId: r.caseId,
            unitId: r.unitId,
            day: r.day,
            counts: r.counts,
            numerator: terms === null ? null : round9(r.numerator),
            denominator: r.denominator,
            lost,
            case: row ? maskSummary(summaryOf(row)) : null,
          };
        }),
        nextCursor: rows.length > q.limit && last ? cursorOf(last) : null,
      };
    },

    /**
     * POST /v1/rankings/publications: computes the ranking now with the policy in force and stores it as the next
     * version of that ranking; says what changed against the version before (rows whose rank or score differ).
     */
    async publish(body: PublishBody, p: Principal): Promise<PublishedView> {
      const reach = reachFor(p, 'assessment.publish');
      if (!reach.all) {
        if (body.within === undefined || !withinReach(reach, body.within, reference.units)) {
          throw new DomainError('forbidden', `publish rankings within your subtree (within=${reach.unitId} or a unit below it)`);
        }
      }
      const ranking = await computeRanking(body, 'body');
      const { row, previous } = await repository.publish({
        level: body.level,
        within: body.within ?? null,
        periodKind: ranking.periodKind,
        period: ranking.period,
        policyVersion: ranking.policyVersion,
        ranking,
        public: body.public,
        note: body.note ?? null,
        publishedBy: p.id,
      });
      const stored = { ...row, supersededBy: null };
      return { ...publicationView(stored, { all: true }), changes: previous ? changesBetween(previous, ranking) : null };
    },

    async publications(q: PublicationListQuery, p: Principal): Promise<{ items: PublicationSummary[]; nextCursor: string | null }> {
      reachFor(p, 'assessment.read');
      const rows = await repository.listPublications({
        ...(q.level !== undefined && { level: q.level }),
        ...(q.within !== undefined && { within: q.within }),
        ...(q.periodKind !== undefined && { periodKind: q.periodKind }),
        ...(q.period !== undefined && { period: q.period }),
        ...(q.cursor !== undefined && { beforeId: Number(q.cursor) }),
        limit: q.limit,
      });
      const page = rows.slice(0, q.limit);
      return { items: page.map(summaryOfPublication), nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null };
    },

    async publication(id: number, p: Principal): Promise<PublicationView> {
      const reach = reachFor(p, 'assessment.read');
      const row = await repository.getPublication(id);
      if (!row) throw new DomainError('not_found', `no published ranking ${id}`);
      return publicationView(row, reach);
    },

    /** Public rankings (no sign-in): only those published as public; anything else is 404 like a missing one. */
    async publicRankings(q: Omit<PublicationListQuery, 'within'>): Promise<{ items: Array<Omit<PublicRankingView, 'rows' | 'formulas' | 'days'>>; nextCursor: string | null }> {
      const rows = await repository.listPublications({
        ...(q.level !== undefined && { level: q.level }),
        ...(q.periodKind !== undefined && { periodKind: q.periodKind }),
        ...(q.period !== undefined && { period: q.period }),
        ...(q.cursor !== undefined && { beforeId: Number(q.cursor) }),
        publicOnly: true,
        limit: q.limit,
      });
      const page = rows.slice(0, q.limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          level: r.level,
          within: r.within,
          periodKind: r.periodKind as PeriodKind,
          period: r.period,
          version: r.version,
          policyVersion: r.policyVersion,
          publishedAt: r.publishedAt.toISOString(),
          supersededBy: r.supersededBy,
        })),
        nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null,
      };
    },

    async publicRanking(id: number): Promise<PublicRankingView> {
      const row = await repository.getPublication(id);
      if (!row || !row.public) throw new DomainError('not_found', `no public ranking ${id}`);
      const r = rankingView.parse(row.ranking);
      return {
        id: row.id,
        level: row.level,
        within: row.within,
        periodKind: r.periodKind,
        period: row.period,
        days: r.days,
        version: row.version,
        policyVersion: row.policyVersion,
        publishedAt: row.publishedAt.toISOString(),
        supersededBy: row.supersededBy,
        formulas: r.formulas,
        rows: r.rows.map(({ counts: _counts, ...rest }) => rest),
      };
    },
  };
}

/** Rows whose rank or score differ between a stored version and the new ranking (units that came or went too). */
function changesBetween(previous: PublicationRow, next: RankingView): NonNullable<PublishedView['changes']> {
  const before = rankingView.parse(previous.ranking);
  const old = new Map(before.rows.map((r) => [r.unitId, r]));
  const fresh = new Map(next.rows.map((r) => [r.unitId, r]));
  const ids = [...new Set([...old.keys(), ...fresh.keys()])].sort();
  const standing = (r: RankingRowView | undefined) => (r ? { rank: r.rank, score: r.score.value } : null);
  const differs = (a: RankingRowView | undefined, b: RankingRowView | undefined) =>
    !a || !b || a.rank !== b.rank || (a.score.value === null) !== (b.score.value === null) || Math.abs((a.score.value ?? 0) - (b.score.value ?? 0)) > 1e-9;
  return {
    previousId: previous.id,
    previousVersion: previous.version,
    previousPolicyVersion: previous.policyVersion,
    rows: ids
      .filter((id) => differs(old.get(id), fresh.get(id)))
      .map((id) => ({ unitId: id, unitName: fresh.get(id)?.unitName ?? old.get(id)?.unitName ?? id, before: standing(old.get(id)), after: standing(fresh.get(id)) })),
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
