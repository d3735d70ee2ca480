/** Names for the API's shapes, all taken from the generated schema (schema.d.ts): nothing here is typed by hand. */
import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Ok<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: infer R } } ? Json<R> : never;
type Created<P extends keyof paths> = paths[P]['post'] extends { responses: { 201: infer R } } ? Json<R> : never;
type Body<P extends keyof paths> = paths[P]['post'] extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** A case as staff see it (the answer of every Update). */
export type CaseView = Ok<'/v1/cases/{id}/accept', 'post'>;
export type CaseList = Ok<'/v1/cases', 'get'>;
export type CaseSummary = CaseList['items'][number];
export type ListQuery = NonNullable<paths['/v1/cases']['get']['parameters']['query']>;
export type CaseStatus = CaseView['status'];
export type CaseOutcome = NonNullable<CaseView['outcome']>;
export type Channel = CaseView['channel'];
export type WarningLevel = CaseView['warningLevel'];
export type Clock = NonNullable<CaseView['clocks'][string]>;
export type ClockName = Clock['name'];
export type DispatchRecord = CaseView['dispatches'][number];
export type DispatchKind = DispatchRecord['kind'];
export type CaseEvent = Ok<'/v1/cases/{id}/events', 'get'>['items'][number];
export type EventType = CaseEvent['type'];
export type Offers = Ok<'/v1/cases/{id}/actions', 'get'>;
export type Offer = Offers['actions'][number];
export type ActionName = Offer['action'];
export type Related = Ok<'/v1/cases/{id}/related', 'get'>;
export type LikelyRepeats = Ok<'/v1/repeats/search', 'post'>;
export type RepeatSearch = Body<'/v1/repeats/search'>;
export type NewCase = Body<'/v1/cases'>;
export type Opened = Created<'/v1/cases'>;
export type TriageOutcome = NonNullable<NewCase['triage']>['outcome'];
export type Me = Ok<'/v1/me', 'get'>;
export type Role = Me['roles'][number];
export type AccessAction = Me['grants'][number]['action'];
export type Unit = Ok<'/v1/units', 'get'>['items'][number];
export type UnitType = Unit['type'];
export type Category = Ok<'/v1/categories', 'get'>['items'][number];
export type CatalogueMatch = Ok<'/v1/dispatch-rules/match', 'get'>;
export type DevPerson = Ok<'/v1/dev/people', 'get'>['items'][number];
export type DevKey = Body<'/v1/dev/sign-in'>['key'];
export type SignedIn = Ok<'/v1/dev/sign-in', 'post'>;
export type Settings = Ok<'/v1/console/settings', 'get'>;
export type Satisfaction = NonNullable<CaseView['rating']>['satisfaction'];
export type ReturnReason = NonNullable<DispatchRecord['returnReason']>;
