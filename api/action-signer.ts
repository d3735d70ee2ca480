/**
 * The API's side of action assertions (platform/action-assertion.ts): every Update, signal and workflow start it
 * sends carries a proof signed with the first ACTION_ASSERTION_KEYS entry, over exactly what it sends.
 */
import type { Actor } from '../domain/case.types.js';
import { signAction, type ActionKey } from '../platform/action-assertion.js';
import type { ActionAssertion } from '../domain/action-proof.js';

export type ActionSigner = (caseId: string, action: string, payload: unknown, actor: Actor) => ActionAssertion;

export function createActionSigner(keys: readonly ActionKey[]): ActionSigner {
  if (!keys.length) throw new Error('the API needs ACTION_ASSERTION_KEYS to sign the actions it sends');
  return (caseId, action, payload, actor) => signAction(keys, { caseId, action, payload, actor });
}
