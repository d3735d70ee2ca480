/**
 * What a caller sees of a case, in one place. The complainant's name, phone and exact place are in clear only for
 * those handling the case (domain/access.ts piiLevel); everyone else reads them masked, and phone numbers typed into
 * free text masked with them. Lists are always masked.
 *
 * Free text is every string of a view except identifiers, codes and instants (isFreeText): one walk over the whole
 * answer masks them, so a free-text field added to a view later is masked without being named here
 * (api/cases.presenter.test.ts walks the response schemas and fails on a string field nobody has classified).
 * The case view, its timeline, lists, related cases, repeat masters and the notices all go through maskFreeText.
 */
import type { CaseTarget, PiiLevel } from '../domain/access.js';
import { nextDueAt, owingUnits, replyDueAt } from '../domain/case.machine.js';
import { filledState } from '../domain/case.types.js';
import { coarseCoordinate, maskAddress, maskName, maskPhone, maskPhonesInText } from '../domain/pii.js';
import { rowToCase, type CaseRow, type RecordedCase } from '../db/case.rows.js';
import { caseSummary, type CaseEventView, type CaseSummary, type CaseViewBody } from './cases.schemas.js';

/**
 * The case view, from the state and intake (the live workflow's, or the record's: db/case.rows.ts rowToCase), the
 * one place it is made. Every field of the state is shown under its own name: a field added to CaseState and to the
 * view schema needs nothing here, and a state field the view schema lacks is a compile error (leave it out here, by
 * name, if it is not to be shown). Unpresented: presentCase masks it for its reader.
 */
export function caseViewOf({ state, intake }: RecordedCase, source: CaseViewBody['source']): CaseViewBody {
  const { caseId, ...fields } = filledState(state);
  return exactly<CaseViewBody>()({
    ...fields,
    id: caseId,
    title: intake.title,
    description: intake.description,
    channel: intake.channel,
    channelTicketId: intake.channelTicketId ?? null,
    channelKeyId: intake.channelKeyId ?? null,
    replyDueAt: replyDueAt(state),
    owing: owingUnits(state),
    nextDueAt: nextDueAt(state),
    complainant: { name: intake.complainant?.name ?? null, phone: intake.complainant?.phone ?? null },
    location: intake.location ?? null,
    source,
    piiMasked: false,
  });
}

/** A value of type T with no other keys: an extra key is a compile error, not a field quietly passed along. */
function exactly<T>() {
  return <U extends T>(value: U & Record<Exclude<keyof U, keyof T>, never>): T => value;
}

/** The case view of a recorded case (the workflow is gone). */
export const recordView = (row: CaseRow): CaseViewBody => caseViewOf(rowToCase(row), 'record');

const SUMMARY_FIELDS = caseSummary.keyof().options;

/** A case as lists show it, from its row, in clear (maskSummary masks it for every reader). */
export function summaryOf(row: CaseRow): CaseSummary {
  return pick(recordView(row), SUMMARY_FIELDS);
}

function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = from[k];
  return out;
}

export function targetOf(view: Pick<CaseViewBody, 'id' | 'status' | 'unitId' | 'location' | 'copiedUnitIds' | 'cooperation' | 'channelKeyId'>): CaseTarget {
  return {
    id: view.id,
    status: view.status,
    unitId: view.unitId,
    areaUnitId: view.location?.areaUnitId ?? null,
    copiedUnitIds: view.copiedUnitIds,
    cooperatingUnitIds: view.cooperation.map((p) => p.unitId),
    channelKeyId: view.channelKeyId,
  };
}

/**
 * Keys whose strings are never free text: identifiers (`id`, `…Id`, `…Ids`: cases, units, rules, channel tickets;
 * `by`, `…By`: staff ids; `to`, `from`, `cooperating`, `copiedTo`, `owing`: units), instants (`at`, `since`, `…At`,
 * `reviewDates`), codes given as plain strings (`role`, `…Role`, `…Status`, `kind`, `recipient`, `channel`), list
 * cursors (`nextCursor`), a group complaint's place cell and window (`cell`, `windowStart`, `windowEnd`: a geohash and local
 * days), and the unit directory's own entries (`recipientName`: a unit's leader or office and its
 * public office number, from reference data).
 * Everything else is free text; values from fixed lists (statuses, outcomes) hold no digits, so masking them
 * changes nothing.
 */
const NOT_FREE_TEXT = /^(?:id|by|at|since|to|from|cooperating|copiedTo|owing|reviewDates|role|kind|recipient|recipientName|channel|nextCursor|cell|windowStart|windowEnd)$|(?:Id|Ids|By|At|Role|Status)$/;

/** Whether the strings under this key are free text a person typed (and so may hold a phone number). */
export function isFreeText(key: string): boolean {
  return !NOT_FREE_TEXT.test(key);
}

/**
 * Every free-text string in `value`, at any depth, with the phone numbers in it masked (domain/pii.ts
 * maskPhonesInText); identifiers, codes and instants left as they are. Keys are never changed.
 */
export function maskFreeText<T>(value: T, freeText = true): T {
  if (typeof value === 'string') return (freeText ? maskPhonesInText(value) : value) as T;
  if (Array.isArray(value)) return value.map((v) => maskFreeText(v, freeText)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskFreeText(v, freeText && isFreeText(k))])) as T;
  }
  return value;
}

/**
 * The case view for a reader who sees this much of the complainant (piiLevel): `all` as it is; `place` with name
 * and phone masked and the place in clear; `masked` with all three masked. Below `all`, every free-text field is
 * masked too.
 */
/** Masks what was given; a name or phone not given (an anonymous complaint) stays null: nothing to mask. */
const maskedComplainant = (c: CaseViewBody['complainant']): CaseViewBody['complainant'] => ({
  name: c.name === null ? null : maskName(c.name),
  phone: c.phone === null ? null : maskPhone(c.phone),
});

export function presentCase(view: CaseViewBody, level: PiiLevel): CaseViewBody {
  if (level === 'all') return view;
  const { complainant, location: l, ...rest } = view;
  const masked = maskFreeText(rest);
  const place =
    l &&
    (level === 'place'
      ? { ...l, ...(l.address !== undefined && { address: maskPhonesInText(l.address) }) }
      : {
          ...(l.address !== undefined && { address: maskAddress(l.address) }),
          ...(l.areaUnitId !== undefined && { areaUnitId: l.areaUnitId }),
          ...(l.lat !== undefined && { lat: coarseCoordinate(l.lat) }),
          ...(l.lng !== undefined && { lng: coarseCoordinate(l.lng) }),
        });
  return { ...masked, complainant: maskedComplainant(complainant), location: place, piiMasked: true };
}

/** A case as lists show it, whoever reads them: complainant masked, free text masked. */
export function maskSummary(s: CaseSummary): CaseSummary {
  const { complainant, ...rest } = s;
  return { ...maskFreeText(rest), complainant: maskedComplainant(complainant) };
}

/** The staff timeline as this reader may read it: free text masked unless they see the complainant in clear. */
export function presentEvents(items: CaseEventView[], level: PiiLevel): CaseEventView[] {
  return level === 'all' ? items : maskFreeText(items);
}
