/** OIDC_ROLE_MAP (platform/config.ts, api/oidc.ts): how an identity provider's role names become hotline's roles. */
import { STAFF_ROLES, type StaffRole } from '../domain/access.js';

export const isStaffRole = (r: string): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r);

/** Parses `provider-role=hotline_role,…`; every right-hand side must be a role of hotline. */
export function parseRoleMap(text: string): Record<string, StaffRole> {
  const map: Record<string, StaffRole> = {};
  for (const entry of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [from, to, ...rest] = entry.split('=').map((s) => s.trim());
    if (!from || !to || rest.length) throw new Error(`"${entry}" is not provider-role=hotline_role`);
    if (!isStaffRole(to)) throw new Error(`"${to}" is not a role of hotline (${STAFF_ROLES.join(', ')})`);
    map[from] = to;
  }
  return map;
}
