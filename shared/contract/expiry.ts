import { z } from 'zod';

/** Points of a member that expire within 30 days, and the first instant they do (shared/domain/pointLots.ts). */
export const ExpiringSoon = z.object({ points: z.number().int().min(1), at: z.number().int().min(0) });
export type ExpiringSoon = z.infer<typeof ExpiringSoon>;
