import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
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

/**
 * A development key list kept in the data folder (`<dataDir>/<file>`, mode 0600): generated once by the first
 * process that needs it, then read by every start, so restarts — and a separate API and worker on the same data
 * folder — share it. Only where configuration names no keys; config.ts refuses that in production.
 */
export async function devKeyList<T>(o: {
  dataDir: string;
  file: string;
  /** The list's text for a fresh key (`id:base64key`). */
  generate: () => string;
  parse: (text: string) => T;
  /** For the log line: what the key is for, and the variable that replaces it in production. */
  what: string;
  variable: string;
  log?: ((line: string) => void) | undefined;
}): Promise<T> {
  const file = path.resolve(o.dataDir, o.file);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, `${o.generate()}\n`, { flag: 'wx', mode: 0o600 });
    o.log?.(`${o.what}: generated a development key in ${file} (set ${o.variable} in production)`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  try {
    return o.parse((await readFile(file, 'utf8')).trim());
  } catch (err) {
    throw new Error(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
