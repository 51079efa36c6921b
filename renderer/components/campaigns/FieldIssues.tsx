import type { CampaignField, CampaignIssues } from '../../lib/campaignIssueText';

/** What the schema said about one field, right under it. */
export function FieldIssues({ issues, field }: { issues: CampaignIssues; field: CampaignField }) {
  const lines = issues[field];
  if (!lines || lines.length === 0) return null;
  return (
    <ul className="field-error campaign__issues" role="alert" data-testid={`campaign-issue-${field}`}>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
