import type { TierQualification } from './rules/tierQualification';
import type { TierDef } from './tier';
import { tierStatus, type TierEvent, type TierOverride } from './tierStatus';

// A member's tier changes over time, by THE tier rule (./tierStatus.ts) evaluated at every instant
// its tier could change: an event (a sale's earning or spend, a reversal), an override's start or
// end, a re-qualification date. Head office keeps them as its tier history (server/tiers/).

/** An event with where it happened and the record that brought it (the history names both). */
export interface TimelineEvent extends TierEvent {
  shopId: string | null;
  recordId: string | null;
}

export interface TimelineOverride extends TierOverride {
  id: string;
  shopId: string | null;
}

export type TierChangeWhy = 'earned' | 'override' | 'override_ended' | 'expiry';

export interface TierChange {
  at: number;
  fromTier: string | null;
  toTier: string | null;
  why: TierChangeWhy;
  shopId: string | null;
  recordId: string | null;
}

export interface TimelineInput {
  ladder: TierDef[];
  policy: TierQualification;
  events: TimelineEvent[];
  overrides: TimelineOverride[];
  timeZone: string;
  /** Changes at or before this instant are already known (null: none is). */
  after: number | null;
  /** The tier held at `after` as already known (null with `after` null: the entry tier). */
  heldTier: string | null;
  now: number;
}

/** The override in force at `at`: the newest set by then (tierStatus checks its end). */
function overrideAt(overrides: TimelineOverride[], at: number): TimelineOverride | null {
  let found: TimelineOverride | null = null;
  for (const o of overrides) if (o.setAt <= at && (found === null || o.setAt >= found.setAt)) found = o;
  return found;
}

type Cause =
  { kind: 'event'; event: TimelineEvent } | { kind: 'set'; o: TimelineOverride } | { kind: 'end' | 'review' | 'now' };

/** The changes after `after` up to `now`, in time order. */
export function tierTimeline(input: TimelineInput): TierChange[] {
  const { ladder, policy, events, overrides, timeZone, now } = input;
  const after = input.after ?? -Infinity;
  const entry = [...ladder].sort((a, b) => a.rank - b.rank)[0]?.code ?? null;
  let held = input.after === null ? entry : input.heldTier;
  const rank = (code: string | null): number => ladder.find((t) => t.code === code)?.rank ?? -Infinity;
  const causes = new Map<number, Cause>();
  const add = (at: number, cause: Cause): void => {
    if (at > after && at <= now && !causes.has(at)) causes.set(at, cause);
  };
  for (const e of events) add(e.at, { kind: 'event', event: e });
  for (const o of overrides) {
    add(o.setAt, { kind: 'set', o });
    add(o.endsAt, { kind: 'end' });
  }
  // A late record can change what the past supports: the tier now is checked too.
  add(now, { kind: 'now' });
  // The re-qualification due after the last change kept.
  if (input.after !== null) {
    const at = input.after;
    const known = tierStatus({ ladder, policy, events, override: overrideAt(overrides, at), now: at, timeZone });
    if (known.requalifyAt !== null) add(known.requalifyAt, { kind: 'review' });
  }
  const changes: TierChange[] = [];
  const done = new Set<number>();
  for (;;) {
    const next = [...causes.keys()].filter((at) => !done.has(at)).sort((a, b) => a - b)[0];
    if (next === undefined) break;
    done.add(next);
    const cause = causes.get(next) ?? { kind: 'now' };
    const override = overrideAt(overrides, next);
    const status = tierStatus({ ladder, policy, events, override, now: next, timeZone });
    if (status.requalifyAt !== null) add(status.requalifyAt, { kind: 'review' });
    const code = status.tier?.code ?? null;
    if (code === held) continue;
    const why: TierChangeWhy =
      status.override !== null && cause.kind === 'set'
        ? 'override'
        : cause.kind === 'end'
          ? 'override_ended'
          : cause.kind === 'review' && rank(code) < rank(held)
            ? 'expiry'
            : 'earned';
    const source = cause.kind === 'event' ? cause.event : cause.kind === 'set' ? cause.o : null;
    changes.push({
      at: next,
      fromTier: held,
      toTier: code,
      why,
      shopId: source?.shopId ?? null,
      recordId: source === null ? null : 'recordId' in source ? source.recordId : source.id,
    });
    held = code;
  }
  return changes;
}
