import type { ComponentType } from 'react';
import type { ApiError } from '../../../shared/contract/errors';
import type { ProgrammeView, RulesDraft } from '../../../shared/contract/programme';
import { DiscountValueSection } from './DiscountValueSection';
import { EarnRulesSection } from './EarnRulesSection';
import { GoodsSection } from './GoodsSection';
import { HistorySection } from './HistorySection';
import { RewardsSection } from './RewardsSection';
import { ExpiryTab, RewardPricingTab, TierQualificationTab } from './RulesPartSections';
import { TiersSection } from './TiersSection';

/** What every section of the Programme screen gets from the screen that holds them. */
export interface SectionProps {
  programme: ProgrammeView;
  /** The shop is enrolled with head office: everything is shown, nothing can be saved. */
  readOnly: boolean;
  currency: string;
  /** The edited, unsaved rules: the earn rules and the discount value edit this one draft. */
  rulesDraft: RulesDraft;
  setRulesDraft: (next: RulesDraft) => void;
  /** Saves the draft as a new rule version. */
  saveRules: () => Promise<void>;
  /** After a save of tiers or rewards: the programme as the core now holds it. */
  reload: () => Promise<void>;
  /** A refusal to show (null clears it); `true` shows "Saved". */
  report: (outcome: ApiError | null | true) => void;
}

export interface ProgrammeSection {
  id: string;
  /** Its tab's label: a key of programme.sections. */
  labelKey: string;
  Section: ComponentType<SectionProps>;
  /** Show the sample-basket preview under it (sections that edit the rules draft). */
  withPreview: boolean;
}

/**
 * The Programme screen's sections, in tab order. A new part of the programme (expiry, tier windows)
 * is one file of its own and one line here.
 */
export const programmeSections: ProgrammeSection[] = [
  { id: 'earn', labelKey: 'programme.sections.earn', Section: EarnRulesSection, withPreview: true },
  { id: 'tiers', labelKey: 'programme.sections.tiers', Section: TiersSection, withPreview: false },
  {
    id: 'qualification',
    labelKey: 'programme.sections.qualification',
    Section: TierQualificationTab,
    withPreview: false,
  },
  { id: 'rewards', labelKey: 'programme.sections.rewards', Section: RewardsSection, withPreview: false },
  { id: 'pricing', labelKey: 'programme.sections.pricing', Section: RewardPricingTab, withPreview: false },
  { id: 'expiry', labelKey: 'programme.sections.expiry', Section: ExpiryTab, withPreview: false },
  { id: 'discount', labelKey: 'programme.sections.discount', Section: DiscountValueSection, withPreview: true },
  { id: 'history', labelKey: 'programme.sections.history', Section: HistorySection, withPreview: false },
  { id: 'goods', labelKey: 'programme.sections.goods', Section: GoodsSection, withPreview: false },
];
