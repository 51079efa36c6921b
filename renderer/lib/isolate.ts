// Text a person typed (a name, a shop, an address) put inside a sentence: first-strong isolate …
// pop directional isolate, so a right-to-left override in it cannot reorder the words around it.
// In JSX, show such text in <bdi> instead.
export const isolate = (text: string): string => `\u2068${text}\u2069`;
