import type { Actor } from './actor';

/** Two-step transfer of custody: the custodian offers, the receiving organisation accepts. */
export interface CustodyHandover {
  readonly fromMspId: string;
  readonly toMspId: string;
  readonly offeredBy: Actor;
  readonly offeredAtMs: number;
  readonly offeredTxId: string;
  readonly acceptedBy: Actor | null;
  readonly acceptedAtMs: number | null;
  readonly acceptedTxId: string | null;
}

export function offerHandover(
  fromMspId: string,
  toMspId: string,
  by: Actor,
  atMs: number,
  txId: string,
): CustodyHandover {
  return {
    fromMspId,
    toMspId,
    offeredBy: by,
    offeredAtMs: atMs,
    offeredTxId: txId,
    acceptedBy: null,
    acceptedAtMs: null,
    acceptedTxId: null,
  };
}

export function acceptHandover(
  offer: CustodyHandover,
  by: Actor,
  atMs: number,
  txId: string,
): CustodyHandover {
  return { ...offer, acceptedBy: by, acceptedAtMs: atMs, acceptedTxId: txId };
}

/** The custodian at `ms`: the owner until the first accepted handover, then the last receiver. */
export function custodianAt(
  ownerMspId: string,
  handovers: readonly CustodyHandover[],
  ms: number,
): string {
  let custodian = ownerMspId;
  for (const handover of handovers) {
    if (handover.acceptedAtMs !== null && handover.acceptedAtMs <= ms) {
      custodian = handover.toMspId;
    }
  }
  return custodian;
}
