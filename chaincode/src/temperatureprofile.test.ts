import { InMemoryLedger } from './testing/inmemoryledger';
import { findPreset } from './profilepresets';
import { type TemperatureProfile, strictestProfile } from './temperatureprofile';
import { expectError, gtin, parseError, shipper } from './testing/testfixtures';

const hourMs = 3_600_000;

function custom(
  name: string,
  minMilliC: number,
  maxMilliC: number,
  mkt: TemperatureProfile['mkt'],
  ruleIds: readonly string[] = ['heat'],
): TemperatureProfile {
  return {
    name,
    range: { minMilliC, maxMilliC },
    rules: ruleIds.map((id) => ({
      id,
      kind: 'HARD_LIMIT',
      direction: 'ABOVE',
      thresholdMilliC: maxMilliC + 10_000,
      inclusive: false,
      durationMs: 0,
    })),
    mkt,
    maxLoggingIntervalMs: 15 * 60_000,
  };
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('strictest combination of the lots’ profiles', () => {
  const refrigerated = findPreset('refrigerated-2-8')!;
  const crt = findPreset('crt-15-25')!;
  const e006 = findPreset('who-pqs-e006-shipping')!;

  it('keeps a single profile as it is, rule ids unprefixed', () => {
    expect(strictestProfile([refrigerated, refrigerated], 'p')).toBe(refrigerated);
  });

  it('intersects ranges, prefixes every rule id with its profile name, takes the shortest interval', () => {
    const merged = strictestProfile([refrigerated, e006], 'p');
    expect(merged.name).toBe('refrigerated-2-8+who-pqs-e006-shipping');
    expect(merged.range).toEqual({ minMilliC: 2000, maxMilliC: 8000 });
    expect(merged.maxLoggingIntervalMs).toBe(10 * 60_000);
    expect(merged.rules.map((rule) => rule.id)).toEqual([
      ...refrigerated.rules.map((rule) => `refrigerated-2-8.${rule.id}`),
      ...e006.rules.map((rule) => `who-pqs-e006-shipping.${rule.id}`),
    ]);
    // Prefixing renames; it changes nothing else of a rule.
    expect(merged.rules[0]).toEqual({ ...refrigerated.rules[0], id: 'refrigerated-2-8.freezing' });
    // Only one of the two has an MKT rule: it applies.
    expect(merged.mkt).toEqual(refrigerated.mkt);
  });

  it('takes the MKT rule with the lowest limit, whatever the order of the lots', () => {
    const loose = { limitMilliC: 25_000, windowMs: 24 * hourMs, minCoverageMs: 6 * hourMs };
    const strict = { limitMilliC: 8_000, windowMs: 30 * 24 * hourMs, minCoverageMs: 0 };
    const a = custom('a', 0, 30_000, loose);
    const b = custom('b', 2_000, 8_000, strict);
    expect(strictestProfile([a, b], 'p').mkt).toEqual(strict);
    expect(strictestProfile([b, a], 'p').mkt).toEqual(strict);
    expect(strictestProfile([a, custom('c', 0, 30_000, null)], 'p').mkt).toEqual(loose);
    expect(
      strictestProfile([custom('c', 0, 30_000, null), custom('d', 0, 9_000, null)], 'p').mkt,
    ).toBeNull();
  });

  it('rejects lots whose ranges do not overlap', () => {
    expect(parseError(caught(() => strictestProfile([refrigerated, crt], 'p')))).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'p',
      rule: 'incompatible',
      message: 'the lots have disjoint temperature ranges',
    });
  });

  it('rejects profiles whose prefixed rule ids would clash', () => {
    const a = custom('a', 0, 30_000, null, ['b.c']);
    const ab = custom('a.b', 0, 30_000, null, ['c']);
    expect(parseError(caught(() => strictestProfile([a, ab], 'p')))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'p',
      rule: 'rule-id-clash',
    });
  });
});

describe('CreateShipment with lots of disjoint ranges', () => {
  it('fails with VALIDATION_FAILED / profile / incompatible and writes nothing', async () => {
    const ledger = new InMemoryLedger();
    for (const [lotNumber, profile] of [
      ['COLD', 'refrigerated-2-8'],
      ['ROOM', 'crt-15-25'],
    ] as const) {
      await ledger.invoke(
        shipper,
        'RegisterLot',
        JSON.stringify({ gtin, lotNumber, expiry: '2027-06-30', productName: 'X', profile }),
      );
    }
    const before = new Map(ledger.state);
    const request = {
      shipmentId: 'SHP-MIX',
      lots: [
        { lotId: `${gtin}:COLD`, quantity: 1 },
        { lotId: `${gtin}:ROOM`, quantity: 1 },
      ],
      origin: { name: 'Basel DC' },
      destination: { name: 'Nairobi CMS' },
    };
    await expectError(ledger.invoke(shipper, 'CreateShipment', JSON.stringify(request)), {
      code: 'VALIDATION_FAILED',
      field: 'shipmentJson.profile',
      rule: 'incompatible',
    });
    expect(ledger.state).toEqual(before);
    // An explicit profile settles it.
    const created = JSON.parse(
      await ledger.invoke(
        shipper,
        'CreateShipment',
        JSON.stringify({ ...request, profile: 'refrigerated-2-8' }),
      ),
    ) as { profile: { name: string } };
    expect(created.profile.name).toBe('refrigerated-2-8');
  });
});
