/** The message key of an audit action's label: `card.blocked` → `card_blocked` (i18next reads dots as nesting). */
export function auditActionKey(action: string): string {
  return `auditTrail.action.${action.replaceAll('.', '_')}`;
}

/** A row's details as one short line: `status: lost · previous: active`. */
export function auditDetailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}
