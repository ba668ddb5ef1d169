import type { Actor, CustodyHandover } from '@coldtrace/protocol';

export type { CustodyHandover } from '@coldtrace/protocol';

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
