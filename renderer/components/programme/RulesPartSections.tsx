import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ExpirySection } from './ExpirySection';
import { RewardPricingSection } from './RewardPricingSection';
import { TierQualificationSection } from './TierQualificationSection';
import type { SectionProps } from './programmeSections';
import type { RewardPricing, RewardPricingInput } from '../../../shared/domain/rules/rewardPricing';

// The programme's parts that live in the rules (expiry, how tiers qualify, reward prices by stock):
// each edits the one rules draft and saves it as a new rule version, like the earn rules.

function RulesPartForm({
  id,
  readOnly,
  saveRules,
  children,
}: Pick<SectionProps, 'readOnly' | 'saveRules'> & {
  id: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="programme__section"
      data-testid={`programme-${id}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!readOnly) void saveRules();
      }}
    >
      {children}
      {!readOnly && (
        <button type="submit" className="primary" data-testid={`programme-save-${id}`}>
          {t('programme.save')}
        </button>
      )}
    </form>
  );
}

// The section edits the bands; the draft holds the schema's output (the save parses it again).
const pricingOf = (p: RewardPricingInput): RewardPricing => ({
  categoryMultipliersBp: p.categoryMultipliersBp ?? {},
  scarce: p.scarce ?? null,
  clearance: p.clearance ?? null,
});

// The example line's calendar: the till's own, which is the shop's.
const tillTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function ExpiryTab(props: SectionProps) {
  // Today, for the example line: read once when the tab opens.
  const [today] = useState(() => Date.now());
  const { rulesDraft: d, setRulesDraft: set, readOnly } = props;
  return (
    <RulesPartForm id="expiry" {...props}>
      <ExpirySection
        policy={d.expiry}
        onChange={(expiry) => set({ ...d, expiry })}
        readOnly={readOnly}
        timeZone={tillTimeZone()}
        now={today}
      />
    </RulesPartForm>
  );
}

export function TierQualificationTab(props: SectionProps) {
  const { rulesDraft: d, setRulesDraft: set, readOnly } = props;
  return (
    <RulesPartForm id="qualification" {...props}>
      <fieldset disabled={readOnly} className="programme__group">
        <TierQualificationSection
          value={d.tierQualification}
          onChange={(tierQualification) => set({ ...d, tierQualification })}
        />
      </fieldset>
    </RulesPartForm>
  );
}

export function RewardPricingTab(props: SectionProps) {
  const { rulesDraft: d, setRulesDraft: set, readOnly } = props;
  return (
    <RulesPartForm id="pricing" {...props}>
      <RewardPricingSection
        value={d.rewardPricing}
        onChange={(rewardPricing) => set({ ...d, rewardPricing: pricingOf(rewardPricing) })}
        readOnly={readOnly}
      />
    </RulesPartForm>
  );
}
