import { type Actor, readActor } from './actor';
import type { JsonReader } from './jsonreader';

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

export function readCustodyHandover(json: JsonReader): CustodyHandover {
  const acceptedBy = json.nullable('acceptedBy');
  return {
    fromMspId: json.string('fromMspId'),
    toMspId: json.string('toMspId'),
    offeredBy: readActor(json.field('offeredBy')),
    offeredAtMs: json.integer('offeredAtMs'),
    offeredTxId: json.string('offeredTxId'),
    acceptedBy: acceptedBy === null ? null : readActor(acceptedBy),
    acceptedAtMs: json.nullableInteger('acceptedAtMs'),
    acceptedTxId: json.nullableString('acceptedTxId'),
  };
}
