import { MemberPin } from '../../shared/contract/primitives';

/** A member's PIN as the contract takes it (4 to 6 digits): checked here before it is sent. */
export const isMemberPin = (pin: string): boolean => MemberPin.safeParse(pin).success;

/**
 * Where the member types a PIN (to be checked, or a new one twice): hidden digits, nothing else
 * kept, never offered for autofill. The member check and the set-PIN dialog share it.
 */
export function MemberPinField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (digits: string) => void;
  testId: string;
}) {
  return (
    <label>
      {label}
      <input
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      />
    </label>
  );
}
