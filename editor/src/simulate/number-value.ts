/** A number input's value: empty while the field is cleared (NaN), so typing can start afresh. */
export function numberValue(n: number): number | string {
  return Number.isNaN(n) ? '' : n;
}
