import { SaveCampaignInput, type CampaignView } from '../../../shared/contract/campaigns';
import type { ApiError, Result } from '../../../shared/contract/errors';
import { api } from '../../api/tillApi';

// The editor's save: the shared schema judges the draft first (a choice not made, a NaN, cannot
// even be typed into the call), answering with the very VALIDATION envelope the core would send;
// what passes goes to saveCampaign, which checks it again and may refuse it for its own reasons.

export async function submitCampaign(input: {
  campaignId: string | undefined;
  spec: Record<string, unknown>;
  state: 'draft' | 'published' | 'cancelled';
}): Promise<Result<CampaignView>> {
  const parsed = SaveCampaignInput.safeParse({
    ...(input.campaignId === undefined ? {} : { campaignId: input.campaignId }),
    spec: input.spec,
    state: input.state,
  });
  if (!parsed.success) {
    const error = {
      code: 'VALIDATION',
      message: 'invalid campaign',
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    } satisfies ApiError;
    return { ok: false, error };
  }
  return api.saveCampaign(parsed.data);
}
