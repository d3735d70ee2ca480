/**
 * Custom search attributes of the case workflow, defined once. The dev server registers them from this list
 * (runtime/temporal-dev-server.ts); docker-compose.yml registers the same names. None carries personal data.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CaseStatus = defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD);
export const CaseCategory = defineSearchAttributeKey('CaseCategory', SearchAttributeType.KEYWORD);
export const AssignedUnit = defineSearchAttributeKey('AssignedUnit', SearchAttributeType.KEYWORD);
export const WarningLevel = defineSearchAttributeKey('WarningLevel', SearchAttributeType.KEYWORD);
export const ReplyDueAt = defineSearchAttributeKey('ReplyDueAt', SearchAttributeType.DATETIME);
export const EscalationLevel = defineSearchAttributeKey('EscalationLevel', SearchAttributeType.INT);
export const CaseRound = defineSearchAttributeKey('CaseRound', SearchAttributeType.INT);
/** The nearest due time of any running clock (sign-for, contact, reply, callback): absent while all are paused or stopped. */
export const NextDueAt = defineSearchAttributeKey('NextDueAt', SearchAttributeType.DATETIME);

/** The card of a master case of repeat complaints (yellow / orange / red); absent when none. */
export const RepeatCard = defineSearchAttributeKey('RepeatCard', SearchAttributeType.KEYWORD);

export const CASE_SEARCH_ATTRIBUTES = [CaseStatus, CaseCategory, AssignedUnit, WarningLevel, ReplyDueAt, EscalationLevel, CaseRound, NextDueAt, RepeatCard] as const;

/** The CLI's spelling of each type, for `temporal server start-dev --search-attribute Name=Type`. */
export const CLI_TYPE_NAMES: Record<SearchAttributeType, string> = {
  TEXT: 'Text',
  KEYWORD: 'Keyword',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};
