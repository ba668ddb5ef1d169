/** Sample chaincode JSON for unit tests, shaped as in docs/chaincode-api.md. */
export function sampleAlert(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { alertId: 'A-1', shipmentId: 'SHP-1', ...overrides };
}
