import { type Actor, readActor } from './actor';
import type { JsonReader } from './jsonreader';

/** A custody offer and, once accepted, its acceptance. */
export interface CustodyHandover {
  readonly fromMspId: string;
  readonly toMspId: string;
  readonly offeredBy: Actor;
  readonly offeredAtMs: number;
  readonly offeredTxId: string;
  readonly acceptedBy?: Actor;
  readonly acceptedAtMs?: number;
  readonly acceptedTxId?: string;
}

export function readCustodyHandover(json: JsonReader): CustodyHandover {
  const acceptedAtMs = json.optionalInteger('acceptedAtMs');
  const acceptedTxId = json.optionalString('acceptedTxId');
  return {
    fromMspId: json.string('fromMspId'),
    toMspId: json.string('toMspId'),
    offeredBy: readActor(json.field('offeredBy')),
    offeredAtMs: json.integer('offeredAtMs'),
    offeredTxId: json.string('offeredTxId'),
    ...(json.has('acceptedBy') ? { acceptedBy: readActor(json.field('acceptedBy')) } : {}),
    ...(acceptedAtMs !== undefined ? { acceptedAtMs } : {}),
    ...(acceptedTxId !== undefined ? { acceptedTxId } : {}),
  };
}
