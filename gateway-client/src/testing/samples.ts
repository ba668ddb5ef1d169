/** Sample chaincode JSON for unit tests, shaped as in docs/chaincode-api.md. */
export const sampleActor = { mspId: 'PharmaMSP', id: 'x509::CN=qa::CN=ca.pharma', role: 'qa' };

export function sampleAlert(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    alertId: 'HARD_LIMIT:heat:S-1:1700000000000',
    type: 'HARD_LIMIT',
    severity: 'CRITICAL',
    status: 'OPEN',
    shipmentId: 'SHP-1',
    lotIds: ['09506000134352:L1'],
    sensorId: 'S-1',
    ruleId: 'heat',
    direction: 'ABOVE',
    thresholdMilliC: 25000,
    limitMs: null,
    startMs: 1_700_000_000_000,
    endMs: null,
    ongoing: true,
    durationMs: 0,
    peakMilliC: 27_500,
    mktMilliC: null,
    coverage: { coveredMs: 0, uncoveredMs: 0, uncoveredGaps: 0 },
    loggingIntervals: null,
    custodianMspId: 'LogisticsMSP',
    raisedAtMs: 1_700_000_100_000,
    raisedTxId: 'tx-raise',
    updatedAtMs: 1_700_000_100_000,
    updatedTxId: 'tx-raise',
    acknowledgement: null,
    ...overrides,
  };
}
