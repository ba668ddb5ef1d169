export type { Actor } from '@coldtrace/protocol';

export const pharmaMsp = 'PharmaMSP';
export const logisticsMsp = 'LogisticsMSP';
export const auditorMsp = 'AuditorMSP';

/** Organisations that may hold custody of goods (the auditor never does). */
export const custodianMsps: readonly string[] = [pharmaMsp, logisticsMsp];
