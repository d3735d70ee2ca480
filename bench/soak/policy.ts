/**
 * The soak policy: the default policy (its working-day clocks: none of them falls due within a soak) with one
 * change, the utilities class's sign-for clock as long as phase 2 in seconds. The timed cases are of that class,
 * dispatched at intake by the catalogue, so their sign-for clock counts from the receivedAt they are opened with:
 * the soak chooses when each one's yellow (at 75 %) and red fall due. Activated before the API starts (it loads the
 * policy in force when it starts).
 */
import { activatePolicyVersion } from '../policy.js';
import type { BenchEnv } from '../stack.js';
import { TIMED_CLASS } from './run.js';

export async function activateSoakPolicy(env: Pick<BenchEnv, 'database'>, signForSeconds: number): Promise<{ version: number; yellowRatio: number }> {
  let yellowRatio = 0.75;
  const version = await activatePolicyVersion(
    env,
    (document) => {
      document.clocks[TIMED_CLASS] = { ...document.clocks[TIMED_CLASS], signFor: { amount: signForSeconds, unit: 'seconds' } };
      if (typeof document.yellowRatio === 'number') yellowRatio = document.yellowRatio;
    },
    `soak: ${TIMED_CLASS} sign-for ${signForSeconds} s`,
    (loaded) => {
      const spec = loaded.clocks[TIMED_CLASS]?.signFor;
      // The timed cases state a receivedAt: the policy must take one, at least as old as the clock is long.
      return spec?.amount === signForSeconds && spec.unit === 'seconds' && loaded.intake !== undefined;
    },
  );
  return { version, yellowRatio };
}
