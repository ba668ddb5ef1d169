/** The identity that submitted a transaction, as recorded in state. */
export interface Actor {
  readonly mspId: string;
  readonly id: string;
  readonly role: string;
}

export const pharmaMsp = 'PharmaMSP';
export const logisticsMsp = 'LogisticsMSP';
export const auditorMsp = 'AuditorMSP';

/** Organisations that may hold custody of goods (the auditor never does). */
export const custodianMsps: readonly string[] = [pharmaMsp, logisticsMsp];
