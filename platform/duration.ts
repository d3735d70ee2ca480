/**
 * Durations as people write them in configuration and on the command line: a whole number with s, m, h or d
 * (`90s`, `30m`, `12h`, `7d`). One grammar for AUTH_JWT_MAX_LIFETIME, API_KEY_CACHE_TTL, CASE_CODE_WINDOW and the
 * auth CLI's `--ttl`.
 */
const UNITS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** `8h` → 28800 (seconds). Throws with a message that says what is expected and what is allowed. */
export function parseDuration(text: string, limits: { min?: number; max?: number } = {}): number {
  const m = /^(\d{1,9})([smhd])$/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a duration like 90s, 30m, 8h or 7d`);
  const seconds = Number(m[1]) * UNITS[m[2] as keyof typeof UNITS];
  const min = limits.min ?? 1;
  if (seconds < min) throw new Error(min <= 1 ? 'must be longer than zero' : `must be at least ${formatDuration(min)}`);
  if (limits.max !== undefined && seconds > limits.max) throw new Error(`is at most ${formatDuration(limits.max)}`);
  return seconds;
}

/** 28800 → `8h`; the largest unit that divides it. */
export function formatDuration(seconds: number): string {
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60]] as const) if (seconds % size === 0) return `${seconds / size}${unit}`;
  return `${seconds}s`;
}
