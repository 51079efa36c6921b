import type { ReactNode } from 'react';
import type { FieldIssue } from './campaignForm';

/** One field of the campaign editor: its label, its input, and what is wrong with it beside it. */
export function EditorField(props: {
  id: string;
  label: string;
  issues: readonly FieldIssue[] | undefined;
  word: (issue: FieldIssue, field: string) => string;
  children: ReactNode;
}) {
  const { id, label, issues, word, children } = props;
  return (
    <div className="campaign-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {(issues ?? []).map((issue) => (
        <span key={issue.key} className="office__error campaign-field__issue" role="alert" data-testid={`issue-${id}`}>
          {word(issue, label)}
        </span>
      ))}
    </div>
  );
}
