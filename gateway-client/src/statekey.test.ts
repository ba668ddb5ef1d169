import { compositeKey, splitCompositeKey, stateObjectTypes } from '@coldtrace/protocol';
import { alertKey, eventKey, isShipmentKey, lotKey, shipmentKey } from './statekey';
import { manifest, recordedTransactions } from './testing/recordedledger';

describe('state keys', () => {
  it('are Fabric composite keys, as the chaincode writes them', () => {
    expect(shipmentKey('SHP-1')).toBe('\u0000shipment\u0000SHP-1\u0000');
    expect(eventKey('SHP-1', 12)).toBe('\u0000event\u0000SHP-1\u00000000000012\u0000');
    expect(alertKey('SHP-1', 'A:b:c:1')).toBe('\u0000alert\u0000SHP-1\u0000A:b:c:1\u0000');
    expect(lotKey('0950:L1')).toBe('\u0000lot\u00000950:L1\u0000');
  });

  it('split back into object type and attributes; a simple key is none', () => {
    expect(
      splitCompositeKey(compositeKey({ objectType: 'readings', attributes: ['S', 'T', '020000'] })),
    ).toEqual({
      objectType: 'readings',
      attributes: ['S', 'T', '020000'],
    });
    expect(splitCompositeKey('plain')).toBeUndefined();
    expect(isShipmentKey(shipmentKey('S'))).toBe(true);
    expect(isShipmentKey(alertKey('S', 'a'))).toBe(false);
  });

  it('cover every key the recorded transactions wrote, each with the shipment or lot first', () => {
    const keys = recordedTransactions()
      .flatMap((r) => r.transaction.actions.flatMap((a) => a.writes))
      .filter((w) => w.namespace === manifest.chaincode)
      .map((w) => splitCompositeKey(w.key));
    const known: readonly string[] = Object.values(stateObjectTypes);
    expect(keys.every((k) => k !== undefined && known.includes(k.objectType))).toBe(true);
    expect(new Set(keys.map((k) => k?.attributes[0]))).toEqual(
      new Set([manifest.lotId, manifest.shipmentId]),
    );
    expect(new Set(keys.map((k) => k?.objectType))).toEqual(new Set(known));
  });
});
