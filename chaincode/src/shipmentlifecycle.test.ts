import { ChaincodeError } from './chaincodeerror';
import type { Disposition, ShipmentStatus } from './shipment';
import {
  type LifecycleEvent,
  type LifecycleFields,
  type LifecycleState,
  advance,
  initialLifecycle,
  lifecycleEvents,
  shipmentStatuses,
  transition,
  transitions,
} from './shipmentlifecycle';

/** Where a shipment can be: a status, and for a quarantine the phase it holds. */
type Position =
  | 'CREATED'
  | 'IN_TRANSIT'
  | 'DELIVERED'
  | 'QUARANTINED/CREATED'
  | 'QUARANTINED/IN_TRANSIT'
  | 'QUARANTINED/DELIVERED'
  | 'REJECTED';

/**
 * The specification, written out independently of the table it checks: the position each event
 * leads to, or `!rule` for a refusal (always `INVALID_STATE`, with that rule).
 */
const expected: Record<Position, Record<LifecycleEvent, string>> = {
  CREATED: {
    CUSTODY_OFFERED: 'CREATED',
    CUSTODY_ACCEPTED: 'IN_TRANSIT',
    READINGS_SUBMITTED: 'CREATED',
    ALERT_ACKNOWLEDGED: 'CREATED',
    DELIVERY_CONFIRMED: '!deliverable',
    CRITICAL_ALERT_RAISED: 'QUARANTINED/CREATED',
    QA_RELEASED: '!quarantined',
    QA_REJECTED: '!quarantined',
  },
  IN_TRANSIT: {
    CUSTODY_OFFERED: 'IN_TRANSIT',
    CUSTODY_ACCEPTED: 'IN_TRANSIT',
    READINGS_SUBMITTED: 'IN_TRANSIT',
    ALERT_ACKNOWLEDGED: 'IN_TRANSIT',
    DELIVERY_CONFIRMED: 'DELIVERED',
    CRITICAL_ALERT_RAISED: 'QUARANTINED/IN_TRANSIT',
    QA_RELEASED: '!quarantined',
    QA_REJECTED: '!quarantined',
  },
  DELIVERED: {
    CUSTODY_OFFERED: '!active',
    CUSTODY_ACCEPTED: '!active',
    READINGS_SUBMITTED: 'DELIVERED',
    ALERT_ACKNOWLEDGED: 'DELIVERED',
    DELIVERY_CONFIRMED: '!deliverable',
    CRITICAL_ALERT_RAISED: 'QUARANTINED/DELIVERED',
    QA_RELEASED: '!quarantined',
    QA_REJECTED: '!quarantined',
  },
  'QUARANTINED/CREATED': {
    CUSTODY_OFFERED: 'QUARANTINED/CREATED',
    CUSTODY_ACCEPTED: 'QUARANTINED/IN_TRANSIT',
    READINGS_SUBMITTED: 'QUARANTINED/CREATED',
    ALERT_ACKNOWLEDGED: 'QUARANTINED/CREATED',
    DELIVERY_CONFIRMED: '!deliverable',
    CRITICAL_ALERT_RAISED: 'QUARANTINED/CREATED',
    QA_RELEASED: 'CREATED',
    QA_REJECTED: 'REJECTED',
  },
  'QUARANTINED/IN_TRANSIT': {
    CUSTODY_OFFERED: 'QUARANTINED/IN_TRANSIT',
    CUSTODY_ACCEPTED: 'QUARANTINED/IN_TRANSIT',
    READINGS_SUBMITTED: 'QUARANTINED/IN_TRANSIT',
    ALERT_ACKNOWLEDGED: 'QUARANTINED/IN_TRANSIT',
    DELIVERY_CONFIRMED: 'QUARANTINED/DELIVERED',
    CRITICAL_ALERT_RAISED: 'QUARANTINED/IN_TRANSIT',
    QA_RELEASED: 'IN_TRANSIT',
    QA_REJECTED: 'REJECTED',
  },
  'QUARANTINED/DELIVERED': {
    CUSTODY_OFFERED: '!active',
    CUSTODY_ACCEPTED: '!active',
    READINGS_SUBMITTED: 'QUARANTINED/DELIVERED',
    ALERT_ACKNOWLEDGED: 'QUARANTINED/DELIVERED',
    DELIVERY_CONFIRMED: '!deliverable',
    CRITICAL_ALERT_RAISED: 'QUARANTINED/DELIVERED',
    QA_RELEASED: 'DELIVERED',
    QA_REJECTED: 'REJECTED',
  },
  REJECTED: {
    CUSTODY_OFFERED: '!active',
    CUSTODY_ACCEPTED: '!active',
    READINGS_SUBMITTED: '!not-rejected',
    ALERT_ACKNOWLEDGED: 'REJECTED',
    DELIVERY_CONFIRMED: '!deliverable',
    CRITICAL_ALERT_RAISED: 'REJECTED',
    QA_RELEASED: '!quarantined',
    QA_REJECTED: '!quarantined',
  },
};

function stateAt(position: Position): LifecycleState {
  const [status, held] = position.split('/') as [ShipmentStatus, ShipmentStatus | undefined];
  return { status, statusBeforeQuarantine: held ?? null };
}

function positionOf(state: LifecycleState): string {
  return state.status === 'QUARANTINED'
    ? `QUARANTINED/${String(state.statusBeforeQuarantine)}`
    : state.status;
}

function outcomeOf(state: LifecycleState, event: LifecycleEvent): string {
  const outcome = transition(state, event);
  if (outcome.allowed) {
    return positionOf(outcome.next);
  }
  expect(outcome.refusal.code).toBe('INVALID_STATE');
  expect(outcome.refusal.message).toMatch(/^a [A-Z_ ()]+ shipment cannot /u);
  return `!${outcome.refusal.rule}`;
}

const positions = Object.keys(expected) as Position[];
const pairs = positions.flatMap((position) =>
  lifecycleEvents.map((event) => [position, event] as const),
);

describe('shipment lifecycle: every state × every event', () => {
  it('has a table row for every status and a cell for every event', () => {
    expect(Object.keys(transitions).sort()).toEqual([...shipmentStatuses].sort());
    for (const row of Object.values(transitions)) {
      expect(Object.keys(row).sort()).toEqual([...lifecycleEvents].sort());
    }
    expect(shipmentStatuses).not.toContain('RELEASED');
  });

  it.each(pairs)('%s + %s', (position, event) => {
    expect(outcomeOf(stateAt(position), event)).toBe(expected[position][event]);
  });

  it("does not depend on the last quarantine's phase outside a quarantine", () => {
    const held: (ShipmentStatus | null)[] = [null, ...shipmentStatuses];
    for (const status of shipmentStatuses.filter((s) => s !== 'QUARANTINED')) {
      for (const statusBeforeQuarantine of held) {
        for (const event of lifecycleEvents) {
          const outcome = transition({ status, statusBeforeQuarantine }, event);
          expect(outcomeOf({ status, statusBeforeQuarantine }, event)).toBe(
            expected[status as Position][event],
          );
          if (outcome.allowed && outcome.next.status !== 'QUARANTINED') {
            // The record of the latest quarantine survives every later event.
            expect(outcome.next.statusBeforeQuarantine).toBe(statusBeforeQuarantine);
          }
        }
      }
    }
  });

  it('refuses, with a stable rule, a quarantine holding no phase or a status it does not know', () => {
    for (const held of [null, 'QUARANTINED', 'REJECTED', 'RELEASED'] as ShipmentStatus[]) {
      const state = { status: 'QUARANTINED' as const, statusBeforeQuarantine: held };
      expect(outcomeOf(state, 'QA_RELEASED')).toBe('!known-status');
      expect(outcomeOf(state, 'DELIVERY_CONFIRMED')).toBe('!known-status');
    }
    const legacy = { status: 'RELEASED' as ShipmentStatus, statusBeforeQuarantine: null };
    for (const event of lifecycleEvents) {
      expect(outcomeOf(legacy, event)).toBe('!known-status');
    }
  });
});

describe('advance', () => {
  const release: Disposition = {
    decision: 'RELEASE',
    reason: 'stability data cover it',
    by: { mspId: 'PharmaMSP', id: 'x509::qa', role: 'qa' },
    atMs: 50,
    txId: 'tx-release',
  };

  function run(events: readonly [LifecycleEvent, number][]): LifecycleFields {
    return events.reduce<LifecycleFields>(
      (shipment, [event, atMs]) => advance(shipment, event, atMs),
      initialLifecycle,
    );
  }

  it('stamps transit start, delivery and quarantine once, at the event that begins them', () => {
    expect(
      run([
        ['CUSTODY_OFFERED', 1],
        ['CUSTODY_ACCEPTED', 2],
        ['CUSTODY_OFFERED', 3],
        ['CUSTODY_ACCEPTED', 4],
        ['CRITICAL_ALERT_RAISED', 5],
        ['CRITICAL_ALERT_RAISED', 6],
        ['DELIVERY_CONFIRMED', 7],
      ]),
    ).toEqual({
      status: 'QUARANTINED',
      statusBeforeQuarantine: 'DELIVERED',
      transitStartedAtMs: 2,
      deliveredAtMs: 7,
      quarantinedAtMs: 5,
      disposition: null,
    });
  });

  it('returns a released shipment to the phase the quarantine held, keeping the record', () => {
    const quarantined = run([
      ['CUSTODY_ACCEPTED', 2],
      ['DELIVERY_CONFIRMED', 3],
      ['CRITICAL_ALERT_RAISED', 4],
    ]);
    const released = { ...advance(quarantined, 'QA_RELEASED', 50), disposition: release };
    expect(released).toEqual({
      status: 'DELIVERED',
      statusBeforeQuarantine: 'DELIVERED',
      transitStartedAtMs: 2,
      deliveredAtMs: 3,
      quarantinedAtMs: 4,
      disposition: release,
    });
    expect(() => advance(released, 'CUSTODY_OFFERED', 51)).toThrow(ChaincodeError);
  });

  it('clears the previous decision when a new quarantine begins', () => {
    const released = {
      ...advance(
        run([
          ['CUSTODY_ACCEPTED', 2],
          ['CRITICAL_ALERT_RAISED', 4],
        ]),
        'QA_RELEASED',
        50,
      ),
      disposition: release,
    };
    expect(advance(released, 'CRITICAL_ALERT_RAISED', 60)).toMatchObject({
      status: 'QUARANTINED',
      statusBeforeQuarantine: 'IN_TRANSIT',
      quarantinedAtMs: 60,
      disposition: null,
    });
  });

  it('throws the refusal as a ChaincodeError naming the status field and the rule', () => {
    let caught: unknown;
    try {
      advance(initialLifecycle, 'DELIVERY_CONFIRMED', 1);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ChaincodeError);
    expect(caught).toMatchObject({ code: 'INVALID_STATE', field: 'status', rule: 'deliverable' });
    expect(JSON.parse((caught as Error).message)).toEqual({
      code: 'INVALID_STATE',
      field: 'status',
      rule: 'deliverable',
      message: 'a CREATED shipment cannot be delivered',
    });
  });
});
