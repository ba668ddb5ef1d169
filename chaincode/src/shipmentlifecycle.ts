import { invalidState } from './chaincodeerror';
import type { Disposition, ShipmentStatus } from './shipment';

/**
 * The shipment lifecycle: states, events and transitions as data, and the pure functions that
 * read them. The contract changes a shipment's status only through `advance`.
 *
 * A shipment's *phase* is where the goods are in the chain. A quarantine is a hold laid over a
 * phase (kept in `statusBeforeQuarantine`): while it lasts, custody and delivery are still
 * recorded on the held phase, and QA's release lifts the hold and returns the shipment to that
 * phase, so a delivered shipment released from quarantine is delivered again, not moving.
 */
export type ShipmentPhase = 'CREATED' | 'IN_TRANSIT' | 'DELIVERED';

export const shipmentPhases: readonly ShipmentPhase[] = ['CREATED', 'IN_TRANSIT', 'DELIVERED'];

export const shipmentStatuses: readonly ShipmentStatus[] = [
  ...shipmentPhases,
  'QUARANTINED',
  'REJECTED',
];

/** What happens to a shipment; each contract transaction that touches it raises one or more. */
export const lifecycleEvents = [
  'CUSTODY_OFFERED',
  'CUSTODY_ACCEPTED',
  'READINGS_SUBMITTED',
  'ALERT_ACKNOWLEDGED',
  'DELIVERY_CONFIRMED',
  'CRITICAL_ALERT_RAISED',
  'QA_RELEASED',
  'QA_REJECTED',
] as const;

export type LifecycleEvent = (typeof lifecycleEvents)[number];

/** The part of a shipment the lifecycle reads and writes. */
export interface LifecycleState {
  readonly status: ShipmentStatus;
  /** The held phase while quarantined; afterwards, the phase of the latest quarantine. */
  readonly statusBeforeQuarantine: ShipmentStatus | null;
}

export interface LifecycleFields extends LifecycleState {
  readonly transitStartedAtMs: number | null;
  readonly deliveredAtMs: number | null;
  readonly quarantinedAtMs: number | null;
  readonly disposition: Disposition | null;
}

/** A new shipment: created, never moved, never quarantined. */
export const initialLifecycle: LifecycleFields = {
  status: 'CREATED',
  statusBeforeQuarantine: null,
  transitStartedAtMs: null,
  deliveredAtMs: null,
  quarantinedAtMs: null,
  disposition: null,
};

/** A refused event: always `INVALID_STATE`, with a stable `rule` naming what was required. */
export interface LifecycleRefusal {
  readonly code: 'INVALID_STATE';
  readonly rule: string;
  readonly message: string;
}

export type LifecycleOutcome =
  | { readonly allowed: true; readonly next: LifecycleState }
  | { readonly allowed: false; readonly refusal: LifecycleRefusal };

/**
 * A cell of the table: the status to move to, `QUARANTINE` (hold the current phase), `HELD`
 * (apply the event to the held phase and stay quarantined), `RESUME` (back to the held phase),
 * or a refusal with its rule.
 */
type Target = ShipmentStatus | 'QUARANTINE' | 'HELD' | 'RESUME' | { readonly refused: string };

const notActive = { refused: 'active' } as const;
const notDeliverable = { refused: 'deliverable' } as const;
const notQuarantined = { refused: 'quarantined' } as const;
const rejected = { refused: 'not-rejected' } as const;

/** The transition table: every status × every event. */
export const transitions: Readonly<
  Record<ShipmentStatus, Readonly<Record<LifecycleEvent, Target>>>
> = {
  CREATED: {
    CUSTODY_OFFERED: 'CREATED',
    // In CREATED the owner holds custody and may offer only to another organisation, so an
    // acceptance always takes the goods away from the owner: transit starts.
    CUSTODY_ACCEPTED: 'IN_TRANSIT',
    READINGS_SUBMITTED: 'CREATED',
    ALERT_ACKNOWLEDGED: 'CREATED',
    DELIVERY_CONFIRMED: notDeliverable,
    CRITICAL_ALERT_RAISED: 'QUARANTINE',
    QA_RELEASED: notQuarantined,
    QA_REJECTED: notQuarantined,
  },
  IN_TRANSIT: {
    CUSTODY_OFFERED: 'IN_TRANSIT',
    CUSTODY_ACCEPTED: 'IN_TRANSIT',
    READINGS_SUBMITTED: 'IN_TRANSIT',
    ALERT_ACKNOWLEDGED: 'IN_TRANSIT',
    DELIVERY_CONFIRMED: 'DELIVERED',
    CRITICAL_ALERT_RAISED: 'QUARANTINE',
    QA_RELEASED: notQuarantined,
    QA_REJECTED: notQuarantined,
  },
  DELIVERED: {
    CUSTODY_OFFERED: notActive,
    CUSTODY_ACCEPTED: notActive,
    // Loggers upload late: readings of the transit may arrive after delivery.
    READINGS_SUBMITTED: 'DELIVERED',
    ALERT_ACKNOWLEDGED: 'DELIVERED',
    DELIVERY_CONFIRMED: notDeliverable,
    CRITICAL_ALERT_RAISED: 'QUARANTINE',
    QA_RELEASED: notQuarantined,
    QA_REJECTED: notQuarantined,
  },
  QUARANTINED: {
    // Quarantine stops use, not the record of where the goods go.
    CUSTODY_OFFERED: 'HELD',
    CUSTODY_ACCEPTED: 'HELD',
    READINGS_SUBMITTED: 'QUARANTINED',
    ALERT_ACKNOWLEDGED: 'QUARANTINED',
    DELIVERY_CONFIRMED: 'HELD',
    CRITICAL_ALERT_RAISED: 'QUARANTINED',
    QA_RELEASED: 'RESUME',
    QA_REJECTED: 'REJECTED',
  },
  REJECTED: {
    CUSTODY_OFFERED: notActive,
    CUSTODY_ACCEPTED: notActive,
    READINGS_SUBMITTED: rejected,
    ALERT_ACKNOWLEDGED: 'REJECTED',
    DELIVERY_CONFIRMED: notDeliverable,
    // Final: nothing reopens a rejected shipment.
    CRITICAL_ALERT_RAISED: 'REJECTED',
    QA_RELEASED: notQuarantined,
    QA_REJECTED: notQuarantined,
  },
};

const refusedActions: Readonly<Record<LifecycleEvent, string>> = {
  CUSTODY_OFFERED: 'change hands',
  CUSTODY_ACCEPTED: 'change hands',
  READINGS_SUBMITTED: 'take readings',
  ALERT_ACKNOWLEDGED: 'have alerts acknowledged',
  DELIVERY_CONFIRMED: 'be delivered',
  CRITICAL_ALERT_RAISED: 'be quarantined',
  QA_RELEASED: 'be disposed',
  QA_REJECTED: 'be disposed',
};

function isPhase(status: ShipmentStatus | null): status is ShipmentPhase {
  return shipmentPhases.some((phase) => phase === status);
}

function statusLabel(state: LifecycleState): string {
  return state.status === 'QUARANTINED' && state.statusBeforeQuarantine !== null
    ? `QUARANTINED (${state.statusBeforeQuarantine})`
    : state.status;
}

function refuse(state: LifecycleState, event: LifecycleEvent, rule: string): LifecycleOutcome {
  return {
    allowed: false,
    refusal: {
      code: 'INVALID_STATE',
      rule,
      message: `a ${statusLabel(state)} shipment cannot ${refusedActions[event]}`,
    },
  };
}

/** Whether `event` may happen to a shipment in `state`, and the state it leads to. Pure. */
export function transition(state: LifecycleState, event: LifecycleEvent): LifecycleOutcome {
  const target = (
    transitions[state.status] as Partial<Record<LifecycleEvent, Target>> | undefined
  )?.[event];
  if (target === undefined) {
    return refuse(state, event, 'known-status');
  }
  if (typeof target === 'object') {
    return refuse(state, event, target.refused);
  }
  switch (target) {
    case 'QUARANTINE':
      return {
        allowed: true,
        next: { status: 'QUARANTINED', statusBeforeQuarantine: state.status },
      };
    case 'HELD':
    case 'RESUME': {
      const held = state.statusBeforeQuarantine;
      if (!isPhase(held)) {
        return refuse(state, event, 'known-status');
      }
      if (target === 'RESUME') {
        return { allowed: true, next: { status: held, statusBeforeQuarantine: held } };
      }
      const moved = transition({ status: held, statusBeforeQuarantine: null }, event);
      return moved.allowed
        ? {
            allowed: true,
            next: { status: 'QUARANTINED', statusBeforeQuarantine: moved.next.status },
          }
        : refuse(state, event, moved.refusal.rule);
    }
    default:
      return {
        allowed: true,
        next: { status: target, statusBeforeQuarantine: state.statusBeforeQuarantine },
      };
  }
}

/** The phase the goods are in: the status, or the held phase while quarantined. */
function phaseOf(state: LifecycleState): ShipmentStatus | null {
  return state.status === 'QUARANTINED' ? state.statusBeforeQuarantine : state.status;
}

/**
 * `shipment` after `event` at `atMs`: its status and the lifecycle times (transit start,
 * delivery, quarantine). Entering a quarantine clears the previous QA decision, which stays in
 * the shipment's history. Throws `INVALID_STATE` with the table's rule when refused.
 */
export function advance<T extends LifecycleFields>(
  shipment: T,
  event: LifecycleEvent,
  atMs: number,
): T {
  const outcome = transition(shipment, event);
  if (!outcome.allowed) {
    throw invalidState(outcome.refusal.rule, outcome.refusal.message);
  }
  const { next } = outcome;
  const phase = phaseOf(next);
  const entersQuarantine = shipment.status !== 'QUARANTINED' && next.status === 'QUARANTINED';
  return {
    ...shipment,
    status: next.status,
    statusBeforeQuarantine: next.statusBeforeQuarantine,
    transitStartedAtMs: shipment.transitStartedAtMs ?? (phase === 'IN_TRANSIT' ? atMs : null),
    deliveredAtMs: shipment.deliveredAtMs ?? (phase === 'DELIVERED' ? atMs : null),
    quarantinedAtMs: entersQuarantine ? atMs : shipment.quarantinedAtMs,
    disposition: entersQuarantine ? null : shipment.disposition,
  };
}

/** Refuses `event` with `INVALID_STATE` unless the table allows it; changes nothing. */
export function assertAllowed(state: LifecycleState, event: LifecycleEvent): void {
  const outcome = transition(state, event);
  if (!outcome.allowed) {
    throw invalidState(outcome.refusal.rule, outcome.refusal.message);
  }
}
