import { channels, ipcChannel, type Channel, type Result } from '../shared/contract';
import { DEFAULT_LOCALE, failure } from '../shared/contract/envelope';

/**
 * The part of Electron's ipcMain this file needs. Kept structural so the registration can be
 * proven in plain Node (Electron never runs on the build machine); main.ts passes the real one.
 */
export interface IpcHandlerRegistry<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
}

/** The answer a call from an untrusted frame gets: the envelope, so the caller never hangs. */
export const UNTRUSTED_SENDER: Result<never> = failure('UNAUTHORIZED', DEFAULT_LOCALE, { reason: 'untrusted_sender' });

export interface RegistrationOptions<E> {
  /** The terminal core's dispatcher (the same one the browser host calls). */
  dispatch: (channel: Channel, input: unknown) => Result<unknown> | Promise<Result<unknown>>;
  /** True only for frames that show our own renderer (checked on every call, not once). */
  isTrustedSender: (event: E) => boolean;
  onRejected?: (channel: Channel, event: E) => void;
}

/**
 * Registers exactly one IPC handler per contract entry, by one loop over the contract.
 * Every call is checked for its sender, then goes through the dispatcher, which validates the
 * input against the contract and answers with the envelope. Returns the channels registered.
 */
export function registerContractHandlers<E>(ipc: IpcHandlerRegistry<E>, options: RegistrationOptions<E>): string[] {
  const registered: string[] = [];
  for (const channel of channels) {
    const name = ipcChannel(channel);
    ipc.handle(name, (event, input) => {
      if (!options.isTrustedSender(event)) {
        options.onRejected?.(channel, event);
        return UNTRUSTED_SENDER;
      }
      return options.dispatch(channel, input);
    });
    registered.push(name);
  }
  return registered;
}
