import type { Transport } from '../../shared/contract/api';
import { useStaffPrompt } from '../state/staffPrompt';

function refusalCode(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer) || answer.ok !== false) return null;
  if (!('error' in answer) || typeof answer.error !== 'object' || answer.error === null) return null;
  return 'code' in answer.error && typeof answer.error.code === 'string' ? answer.error.code : null;
}

/**
 * The usual till pattern, for every call at once: a call refused for want of a manager opens the
 * manager-PIN prompt, and once a manager approves (approveAction) the same call is sent again —
 * it runs as that manager, once. A call the core refuses because the till is signed out (the idle
 * lock) makes the screen show the sign-in screen.
 */
export function withStaffPrompts(base: Transport): Transport {
  return async (channel, input) => {
    const answer = await base(channel, input);
    const code = refusalCode(answer);
    if (code === 'SIGNED_OUT') useStaffPrompt.getState().signedOut();
    if (code !== 'NOT_ALLOWED' || channel === 'approveAction') return answer;
    const approved = await useStaffPrompt.getState().ask(channel);
    return approved ? base(channel, input) : answer;
  };
}
