/** Sample chaincode JSON for unit tests, shaped as in docs/chaincode-api.md. */
export function sampleAlert(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    alertId: 'A-1',
    shipmentId: 'SHP-1',
    lotIds: ['00012345678905:L1'],
    sensorId: 'S-1',
    severity: 'CRITICAL',
    status: 'OPEN',
    startMs: 1_700_000_000_000,
    peakMilliC: 12_500,
    ...overrides,
  };
}
