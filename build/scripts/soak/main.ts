// `npm run soak`: the long proof under faults (crash kills, bad-input fuzzing, the network-fault
// soak of terminals and head office, and head office's load test), under 30
// minutes on 2 cores; `npm run soak -- --quick` the short one. Prints the seed first (a failing
// run replays with `--seed`), a summary, and ends with ONE JSON line of figures.
import { planFrom } from './args';
import { figuresOf, passed, summaryLines } from './report';
import { runSoak } from './run';

async function main(): Promise<void> {
  const plan = planFrom(process.argv.slice(2), Date.now() % 2 ** 31);
  console.log(
    `tillcard soak: ${plan.quick ? 'quick' : 'long'} run, seed ${plan.seed} (replay with --seed ${plan.seed}), ` +
      `parts ${plan.parts.join(',')}`,
  );
  const outcome = await runSoak(plan, (line) => console.log(line));
  for (const line of summaryLines(outcome)) console.log(line);
  const figures = figuresOf(outcome);
  const ok = passed(figures);
  console.log(
    ok
      ? 'soak: PASSED'
      : `soak: FAILED — replay with: npm run soak --${plan.quick ? ' --quick' : ''} --seed ${plan.seed}`,
  );
  console.log(JSON.stringify(figures));
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error('soak failed to run:', error);
  process.exit(2);
});
