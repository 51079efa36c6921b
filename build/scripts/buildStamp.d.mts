export function inputsFingerprint(inputs: readonly string[], root?: string): string;
export function isCurrent(name: string, output: string, fingerprint: string): boolean;
export function forgetBuild(name: string): void;
export function markBuilt(name: string, fingerprint: string): void;
