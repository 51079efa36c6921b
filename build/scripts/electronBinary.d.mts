export type ElectronBinary = { found: true; executable: string; version: string } | { found: false; reason: string };
export function findElectronBinary(): ElectronBinary;
export function electronAbi(): string | null;
