import type { Result } from './errors';
import { channels, type Channel, type ChannelInput, type ChannelOutput } from './contract';

/** The typed API object the renderer and tests call: one method per contract entry. */
export type TillApi = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };

/** How a transport sends one call: IPC in Electron, HTTP in the browser host, direct in tests. */
export type Transport = (channel: Channel, input: unknown) => Promise<unknown>;

/**
 * Builds the API object by looping over the contract, so no channel is typed twice.
 * The transport returns the envelope; its shape is trusted because the core built it
 * from the same contract (the browser host's HTTP layer checks it again).
 */
export function createApi(transport: Transport): TillApi {
  const api: Partial<Record<Channel, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) api[channel] = (input) => transport(channel, input);
  return api as TillApi;
}
