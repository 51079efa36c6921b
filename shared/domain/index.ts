// The pure domain layer: runs unchanged in the Electron main process, the renderer and the server.
export * from './money';
export * from './multiplier';
export * from './patterns';
export * from './cardNumber';
export * from './phone';
export * from './tier';
export { permuteSerial, unpermuteSerial, parseKeyHex, SERIAL_SPACE, type FeistelKey } from './feistel';
export * from './rules/ruleSet';
export * from './rules/earn';
export * from './rules/redeem';
