import { type AlertAcknowledgement, type ExcursionAlert, marshal } from '@coldtrace/protocol';
import type { DerivedAlert } from './excursionevaluator';

export type { ExcursionAlert } from '@coldtrace/protocol';

export interface AlertSubject {
  readonly shipmentId: string;
  readonly lotIds: readonly string[];
  readonly custodianMspId: string;
}

export interface TxStamp {
  readonly txId: string;
  readonly atMs: number;
}

export interface AlertChange {
  readonly alert: ExcursionAlert;
  /** Raised now, or raised again after it had been withdrawn: the trigger for quarantine. */
  readonly raised: boolean;
}

const lifecycleFields = new Set([
  'status',
  'raisedAtMs',
  'raisedTxId',
  'updatedAtMs',
  'updatedTxId',
  'acknowledgement',
]);

function derivedPart(alert: ExcursionAlert): string {
  return marshal(
    Object.fromEntries(Object.entries(alert).filter(([key]) => !lifecycleFields.has(key))),
  );
}

/**
 * Reconciles a stored alert with what the readings now say. Returns undefined when nothing
 * changes, so an unchanged alert is neither written nor announced again.
 */
export function reconcileAlert(
  existing: ExcursionAlert | undefined,
  derived: DerivedAlert | null,
  subject: AlertSubject,
  stamp: TxStamp,
): AlertChange | undefined {
  if (derived === null) {
    if (existing === undefined || existing.status === 'WITHDRAWN') {
      return undefined;
    }
    return {
      alert: { ...existing, status: 'WITHDRAWN', updatedAtMs: stamp.atMs, updatedTxId: stamp.txId },
      raised: false,
    };
  }
  const candidate: ExcursionAlert = {
    ...derived,
    ...subject,
    status: 'OPEN',
    raisedAtMs: stamp.atMs,
    raisedTxId: stamp.txId,
    updatedAtMs: stamp.atMs,
    updatedTxId: stamp.txId,
    acknowledgement: null,
  };
  if (existing === undefined) {
    return { alert: candidate, raised: true };
  }
  const withdrawn = existing.status === 'WITHDRAWN';
  if (!withdrawn && derivedPart(existing) === derivedPart(candidate)) {
    return undefined;
  }
  const status = withdrawn
    ? existing.acknowledgement === null
      ? 'OPEN'
      : 'ACKNOWLEDGED'
    : existing.status;
  return {
    alert: {
      ...candidate,
      status,
      raisedAtMs: existing.raisedAtMs,
      raisedTxId: existing.raisedTxId,
      acknowledgement: existing.acknowledgement,
    },
    raised: withdrawn,
  };
}

export function acknowledge(
  alert: ExcursionAlert,
  acknowledgement: AlertAcknowledgement,
): ExcursionAlert {
  return {
    ...alert,
    status: alert.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'ACKNOWLEDGED',
    acknowledgement,
    updatedAtMs: acknowledgement.atMs,
    updatedTxId: acknowledgement.txId,
  };
}
