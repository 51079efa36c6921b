// Who may call what at the till, fuzzed: every channel as a signed-out till, a cashier and a
// manager, through any transport (the dispatcher Electron's IPC calls, the browser host's HTTP).
// The expected answer for each (channel, caller) comes from THE role table, shared/contract/roles.ts:
// refused by the guard with its code and nothing written, or handled (whatever the input then earns).
// An answer against the table is counted in the tally's wrongAccess (the soak's `wrong_access`).
import fc from 'fast-check';
import type { Channel, ErrorCode } from '../../../../shared/contract';
import { channels } from '../../../../shared/contract';
import { channelAccess } from '../../../../shared/contract/roles';
import type { TerminalCore } from '../../../../electron/terminal/terminalCore';
import { examples, type Fixtures } from './examples';
import { describeChange, stateFingerprint } from './fingerprint';
import { badInputs } from './mutate';
import { count, countWrite, countWrongAccess, newTally, type BoundaryTally } from './tally';
import { DOCUMENTED_REFUSALS, judge, mayWrite, type Verdict } from './verdict';
import { sqliteMarker, writeWatch } from './writeWatch';

export type TillCaller = 'signed-out' | 'cashier' | 'manager';
export const tillCallers: readonly TillCaller[] = ['signed-out', 'cashier', 'manager'];

/**
 * The guard's refusal a caller gets on a set-up till, or null when the call is theirs to make.
 * (A cashier with a manager's approval is the approval's own test: electron/services/staff tests.)
 */
export function expectedRefusal(channel: Channel, caller: TillCaller): ErrorCode | null {
  const access = channelAccess[channel];
  if (access === 'open') return null;
  if (access === 'setup') return 'ALREADY_CONFIGURED';
  if (caller === 'signed-out') return 'SIGNED_OUT';
  return access === 'manager' && caller === 'cashier' ? 'NOT_ALLOWED' : null;
}

/** The session the next call is made in; an approval or sign-in a fuzzed input made goes with it. */
export function actAs(core: Pick<TerminalCore, 'session'>, caller: TillCaller, fixtures: Fixtures): void {
  core.session.end();
  const staffId = caller === 'cashier' ? fixtures.cashierIds[0] : fixtures.managerIds[0];
  if (caller === 'signed-out') return;
  if (staffId === undefined) throw new Error(`till access fuzz: the demo shop has no ${caller}`);
  core.session.begin({ staffId, role: caller });
}

interface Answer {
  ok: boolean;
  code: string | null;
}

function answerOf(answer: unknown): Answer {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) return { ok: false, code: null };
  const error: unknown = 'error' in answer ? answer.error : null;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : null;
  return { ok: answer.ok === true, code };
}

/** Why this answer disagrees with the role table, or null when it agrees. */
export function accessMismatch(channel: Channel, caller: TillCaller, raw: unknown): string | null {
  const expected = expectedRefusal(channel, caller);
  const { ok, code } = answerOf(raw);
  if (expected !== null)
    return ok || code !== expected ? `${caller} ${channel}: expected ${expected}, got ${ok ? 'ok' : code}` : null;
  if (code === 'SIGNED_OUT' || code === 'ALREADY_CONFIGURED' || code === 'NOT_CONFIGURED')
    return `${caller} ${channel}: handled call refused with ${code}`;
  // NOT_ALLOWED for a caller the table lets in only where the call itself documents it (over a cashier's limit).
  const documented: readonly ErrorCode[] = DOCUMENTED_REFUSALS[channel];
  if (code === 'NOT_ALLOWED' && !documented.includes('NOT_ALLOWED'))
    return `${caller} ${channel}: handled call refused with NOT_ALLOWED`;
  return null;
}

export interface TillAccessOptions {
  core: TerminalCore;
  fixtures: Fixtures;
  /** One call through the transport under test; resolves to the envelope it answered. */
  send: (channel: Channel, input: unknown) => Promise<unknown>;
  transport: 'inProcess' | 'json';
  label: string;
  runsPerCall: number;
  seed: number;
}

/** Every channel as every caller; one tally per caller. */
export async function fuzzTillAccess(options: TillAccessOptions): Promise<BoundaryTally[]> {
  const { core, fixtures, send } = options;
  const watch = writeWatch({ marker: sqliteMarker(core.db), fingerprint: () => stateFingerprint(core.db) });
  const tallies = tillCallers.map((caller) => newTally(`${options.label} access as ${caller}`));
  // Leaving the demo shop unconfigures the till: that call comes last, after every other one.
  const ordered = [...channels.filter((ch) => ch !== 'leaveDemoShop'), 'leaveDemoShop' as const];
  for (const [i, channel] of ordered.entries()) {
    const make = examples[channel] as (f: Fixtures, requestId: string, n: number) => unknown[];
    for (const [c, caller] of tillCallers.entries()) {
      const tally = tallies[c] ?? newTally(caller);
      const requestId = `00000000-0000-4000-8${c}00-${String(i).padStart(12, '0')}`;
      const valid = make(fixtures, requestId, i)[0];
      await fc.check(
        fc.asyncProperty(badInputs(channel, fixtures, options.transport), async (input) => {
          actAs(core, caller, fixtures);
          // The table is a set-up till's: once the manager's leaveDemoShop ran, there is nothing left to judge.
          if (!core.session.configured()) return true;
          await watch.start();
          let verdict: Verdict;
          let raw: unknown = null;
          try {
            raw = await send(channel, input);
            verdict = judge(channel, raw);
          } catch (error) {
            verdict = { kind: 'crash', why: `call failed: ${String(error)}` };
          }
          const refused = expectedRefusal(channel, caller) !== null;
          // The guard's refusal is typed whatever the call documents: judged here, not by judge().
          if (refused && verdict.kind === 'untyped') verdict = { kind: 'refused', code: 'VALIDATION' };
          count(tally, verdict, input);
          const mismatch = verdict.kind === 'crash' ? null : accessMismatch(channel, caller, raw);
          if (mismatch) countWrongAccess(tally, mismatch, input);
          if (!refused && mayWrite(verdict)) {
            watch.accepted();
            return true;
          }
          const change = await watch.afterRefusal();
          if (change && change.after !== change.before) {
            countWrite(tally, describeChange(change.before, change.after), input);
            if (refused && !mismatch) countWrongAccess(tally, `${caller} ${channel}: refused but wrote`, input);
          }
          return true;
        }),
        // The untouched valid call first: the one a real caller of that role makes.
        { numRuns: options.runsPerCall, seed: options.seed + c * 1_000 + i, examples: [[valid]] },
      );
    }
  }
  // The fuzzers around this one act as the manager.
  if (core.session.configured()) actAs(core, 'manager', fixtures);
  return tallies;
}
