import { z } from 'zod';
import { contract, type Channel } from '../../shared/contract';

/*
 * Each call's input is parsed by its contract schema compiled with zod's own `z.compile`: zod
 * generates one straight-line function for the schema and keeps its runtime parser for what
 * that function refuses, so a bad input still gets zod's issues, word for word. The runtime
 * parser walks a closure per check; on the sale path, with the caches cold after each commit's
 * fsync, that walk was a quarter of everything the service adds to its statements
 * (build/scripts/bench/PERFORMANCE.md).
 *
 * Compiled here, in the main process, never in shared/: the generated code needs `new Function`,
 * which the renderer's content security policy rightly forbids. A schema the compiler cannot
 * model comes back unchanged and parses as before.
 */

const compiled = new Map<Channel, z.ZodType>();

/** The parser of a channel's input: its contract schema, compiled once on first use. */
export function inputParser(channel: Channel): z.ZodType {
  let parser = compiled.get(channel);
  if (parser === undefined) {
    const schema: z.ZodType = contract[channel].input;
    parser = z.compile(schema);
    compiled.set(channel, parser);
  }
  return parser;
}
