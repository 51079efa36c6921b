// Latency and throughput figures for the load test (shared by the pusher and its report).

/** The p-th percentile (0–100) of the samples, nearest-rank; 0 for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

export interface PusherReport {
  terminals: number;
  seconds: number;
  requests: number;
  /** Records head office acknowledged as stored (not counting repeats of a retried batch). */
  records: number;
  errors: number;
  errorKinds: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Per terminal id: the highest seq head office acknowledged. */
  ackedThrough: Record<string, number>;
}
