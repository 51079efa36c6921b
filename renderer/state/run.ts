import type { Result } from '../../shared/contract/errors';
import { useUi } from './ui';

/** Unwraps an envelope: the value, or null after showing the refusal to the cashier. */
export async function run<T>(call: Promise<Result<T>>): Promise<T | null> {
  const result = await call;
  if (result.ok) {
    useUi.getState().clearError();
    return result.value;
  }
  useUi.getState().showError(result.error);
  return null;
}
