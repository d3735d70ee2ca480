/**
 * Corrections of the case rules that a running case must not see half-way (issue 15). Each is on for a case whose
 * workflow history began with it — the workflow asks `patched()` for each once, at its start, and passes the answers
 * in every context — and for everyone else who asks the rules (the API's early answers, tests): absent means on.
 * A case opened before a correction keeps the rule it opened under, so its recorded history replays unchanged.
 */
export interface RuleSet {
  /**
   * A case sent back to the unit that already handled it (a re-handling round) may not be returned by it, like a
   * designated one; and a dispatch under a policy with no return window for the case's class cannot be returned at
   * all. Before: a re-handled case could be returned at any time, and no window meant no limit.
   */
  returnRules: boolean;
  /**
   * Each clock's warnings go to its owner: sign-for, contact and reply to the handling unit, the callback to the
   * hotline centre (the policy's `centreUnitId`), and the ladder's supervising level is the owner's supervising unit
   * in the org tree. Before: every warning went to the handling unit, and the ladder's level 2 to a district.
   */
  clockOwners: boolean;
  /**
   * Yellow for a working-day or working-hour clock at the policy's ratio of the working time, inside working hours.
   * Before: at the ratio of the wall-clock span (a night, a weekend, a holiday).
   */
  yellowWorkingTime: boolean;
  /**
   * A closed case can be a repeat group's master: it takes the repeat links (and its workflow stays for the repeat
   * window from its opening, so it can). Before: links to a closed case were ignored.
   */
  closedMasters: boolean;
  /**
   * A case terminated after review takes no online rating: its workflow never waits for one (lingerUntil) and the
   * complainant's page says it cannot be rated. Before: a terminated case whose workflow was still there (the repeat
   * window) took a rating all the same.
   */
  terminatedUnrated: boolean;
}

/** The rules as they are now: what a new case runs with. */
export const CURRENT_RULES: Readonly<RuleSet> = Object.freeze({
  returnRules: true,
  clockOwners: true,
  yellowWorkingTime: true,
  closedMasters: true,
  terminatedUnrated: true,
});

/** The rule set a context names, with every correction it does not name on. */
export const rulesOf = (rules: Partial<RuleSet> | undefined): RuleSet => ({ ...CURRENT_RULES, ...rules });
