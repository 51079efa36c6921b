import type { ProgrammeAnswer } from '../../../shared/admin/programme';
import type { AdminClient } from '../../../shared/admin/client';
import { DEFAULT_RULE_SET, type RuleSet } from '../../../shared/domain/rules/ruleSet';
import type { Lang } from '../text';

/** What each part of the Programme area is given. */
export interface PartProps {
  lang: Lang;
  programme: ProgrammeAnswer;
  admin: AdminClient;
  /** May the signed-in role send this part's write (shared/admin/roles.ts)? */
  mayWrite: boolean;
  reload: () => Promise<void>;
}

/** The rules a change starts from: those in force, or the tills' defaults before head office published any. */
export const rulesInForce = (programme: ProgrammeAnswer): RuleSet => programme.rules?.rules ?? DEFAULT_RULE_SET;

/** The version head office would give the next publish (it numbers from 1000; the server decides). */
export const nextVersion = (programme: ProgrammeAnswer): number => Math.max((programme.rules?.version ?? 0) + 1, 1000);
