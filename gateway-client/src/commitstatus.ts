import { StatusCode } from '@hyperledger/fabric-gateway';

/** Fabric transaction validation code names by number, for example 11 → `MVCC_READ_CONFLICT`. */
export const StatusNames: Readonly<Record<number, string>> = Object.freeze(
  Object.fromEntries(Object.entries(StatusCode).map(([name, code]) => [code, name])),
);

/** Outcome of a transaction as committed to the ledger. */
export interface CommitStatus {
  readonly transactionId: string;
  readonly blockNumber: bigint;
  /** Numeric Fabric validation code; 0 is VALID. */
  readonly code: number;
  /** Validation code name, for example `VALID` or `MVCC_READ_CONFLICT`. */
  readonly codeName: string;
  readonly successful: boolean;
}

export function validationCodeName(code: number): string {
  return StatusNames[code] ?? `UNKNOWN_${code}`;
}
