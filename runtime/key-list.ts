/**
 * The `id:material,id:material` lists keys are configured as (PAYLOAD_KEYS, AUTH_JWT_KEYS): entries split and
 * trimmed, ids checked and unique, the first one current. Messages name entries and ids, never key material.
 */
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
export const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function keyEntries(text: string, form: string, firstOne: string): Array<{ id: string; material: string }> {
  const entries = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) throw new Error(`needs at least one key, as ${form}[,…] (${firstOne})`);
  const seen = new Set<string>();
  return entries.map((entry, n) => {
    const colon = entry.indexOf(':');
    if (colon < 0) throw new Error(`entry ${n + 1} is not ${form}`);
    const id = entry.slice(0, colon);
    if (!KEY_ID.test(id)) throw new Error(`entry ${n + 1}: key id must be 1–64 of A-Z a-z 0-9 . _ -`);
    if (seen.has(id)) throw new Error(`key id "${id}" is listed twice`);
    seen.add(id);
    return { id, material: entry.slice(colon + 1) };
  });
}
