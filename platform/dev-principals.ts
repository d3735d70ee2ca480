/**
 * The people of the demo city (db/seed-data.ts) that development tokens stand for, and their tokens: one source for
 * `npm run auth -- dev-tokens` (runtime/auth-cli.ts) and the API's development sign-in (api/console.routes.ts, only
 * outside production). Tokens are signed like every person's token (platform/auth-keys.ts mintToken).
 */
import type { StaffRole } from '../domain/access.js';
import { mintToken, type AuthKeys } from './auth-keys.js';

export interface DevPrincipal {
  /** The name in dev-tokens.json's `tokens` map: the role for the first principal of a role, `role@unit` for more. */
  key: string;
  role: StaffRole;
  sub: string;
  unit: string | null;
  name: string;
}

/**
 * Who the development tokens stand for, in the demo city (db/seed-data.ts). The README walkthrough's case is at
 * 桂花社区 (d01-s01-c01) and dispatched to its street office, 城关街道 d01-s01; the subs are the walkthrough's.
 */
export const DEV_PRINCIPALS: readonly DevPrincipal[] = [
  { key: 'intake_agent', role: 'intake_agent', sub: 'intake-01', unit: 'city', name: '接线员 李娜' },
  { key: 'dispatcher', role: 'dispatcher', sub: 'dispatcher-01', unit: 'city', name: '市派单员 王磊' },
  { key: 'dispatcher@d01', role: 'dispatcher', sub: 'dispatcher-d01', unit: 'd01', name: '江城区派单员 陈静' },
  { key: 'unit_handler', role: 'unit_handler', sub: 'handler-17', unit: 'd01-s01', name: '城关街道承办人 刘洋' },
  { key: 'unit_leader', role: 'unit_leader', sub: 'leader-d01-s01', unit: 'd01-s01', name: '城关街道主任 邓子明' },
  { key: 'supervisor', role: 'supervisor', sub: 'supervisor-01', unit: 'city', name: '市督办 张伟' },
  { key: 'supervisor@d01', role: 'supervisor', sub: 'supervisor-d01', unit: 'd01', name: '江城区督办 赵敏' },
  { key: 'callback_agent', role: 'callback_agent', sub: 'callback-03', unit: 'city', name: '回访员 孙丽' },
  { key: 'reviewer', role: 'reviewer', sub: 'reviewer-01', unit: 'city', name: '第三方评价员 周强' },
  { key: 'analyst', role: 'analyst', sub: 'analyst-01', unit: 'city', name: '数据分析员 吴芳' },
  { key: 'admin', role: 'admin', sub: 'admin-01', unit: 'city', name: '系统管理员 郑军' },
];

export interface MintedToken extends DevPrincipal {
  token: string;
}

/** Tokens as the keys' first issuer, for their audience (what the API resolving the same configuration accepts). */
export function mintDevTokens(keys: AuthKeys, ttlSeconds: number, principals: readonly DevPrincipal[] = DEV_PRINCIPALS): MintedToken[] {
  return principals.map((p) => ({ ...p, token: mintToken(keys, { sub: p.sub, roles: [p.role], unit: p.unit, name: p.name }, ttlSeconds) }));
}
