import {
  type AlertStream,
  type AlertStreamDependencies,
  type AlertStreamOptions,
  newAlertStream,
} from './alertstream';
import { type ExcursionAlert, parseExcursionAlert, readExcursionAlert } from './excursionalert';
import { JsonReader } from './jsonreader';
import { type Page, type PageRequest, allPages, parsePage } from './page';
import { pageArgs } from './pagesize';
import { type TransactionSubmitter, submitAndCommit } from './transactionsubmitter';

/**
 * Temperature excursion alerts. Queries and acknowledgement throw the {@link ColdtraceError}
 * subclasses (`NotFoundError`, `AccessDeniedError`, `ConflictError` for an alert that is not open,
 * `EndorsementError`, `CommitError`).
 */
export interface Alerts {
  open(page?: PageRequest): Promise<Page<ExcursionAlert>>;
  allOpen(pageSize?: number): AsyncIterable<ExcursionAlert>;
  byShipment(shipmentId: string): Promise<ExcursionAlert[]>;
  byLot(lotId: string): Promise<ExcursionAlert[]>;
  /** QA acknowledges an alert with a comment; resolves after it committed. */
  acknowledge(shipmentId: string, alertId: string, comment: string): Promise<ExcursionAlert>;
  /** Alerts as they are committed; see {@link AlertStream}. */
  watch(options?: Readonly<AlertStreamOptions>): AlertStream;
}

function parseAlertList(bytes: Uint8Array): ExcursionAlert[] {
  return JsonReader.fromBytes(bytes, 'ExcursionAlert[]').asArray(readExcursionAlert);
}

export function newAlerts(
  submitter: TransactionSubmitter,
  streamDependencies: AlertStreamDependencies,
): Alerts {
  const open = async (page?: PageRequest): Promise<Page<ExcursionAlert>> =>
    parsePage(
      await submitter.evaluate('GetOpenAlerts', pageArgs(page)),
      'Page<ExcursionAlert>',
      readExcursionAlert,
    );
  return {
    open,
    allOpen(pageSize) {
      return allPages((bookmark) =>
        open({ bookmark, ...(pageSize !== undefined ? { pageSize } : {}) }),
      );
    },
    async byShipment(shipmentId) {
      return parseAlertList(await submitter.evaluate('GetAlertsByShipment', [shipmentId]));
    },
    async byLot(lotId) {
      return parseAlertList(await submitter.evaluate('GetAlertsByLot', [lotId]));
    },
    async acknowledge(shipmentId, alertId, comment) {
      const bytes = await submitAndCommit(submitter, 'AcknowledgeAlert', [
        shipmentId,
        alertId,
        comment,
      ]);
      return parseExcursionAlert(bytes);
    },
    watch(options = {}) {
      return newAlertStream(options, streamDependencies);
    },
  };
}
