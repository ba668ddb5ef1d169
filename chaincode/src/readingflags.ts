import {
  type ReadingFlags,
  type ReadingRow,
  type ShipmentView,
  findOldReadings,
} from '@coldtrace/protocol';
import type { ColdChainContext } from './coldchaincontext';
import type { SensorTrack } from './excursionevaluator';
import { getJson, sensorKey } from './ledgerkeys';
import type { Shipment } from './shipment';

/**
 * The value of a `sensor` key: the sensor's evaluation track and its reading flags. The flags
 * live here, in state every batch of the sensor writes anyway, so batches of different sensors
 * never write one shared key for them; `GetShipment` sums them.
 */
export interface SensorState extends SensorTrack {
  /** Absent in states written before flags were kept. */
  readingFlags?: ReadingFlags;
}

export const noFlags: ReadingFlags = { oldReadings: 0, earliestOldReadingMs: null, conflicts: 0 };

function earlier(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

export function addFlags(a: ReadingFlags, b: ReadingFlags): ReadingFlags {
  return {
    oldReadings: a.oldReadings + b.oldReadings,
    earliestOldReadingMs: earlier(a.earliestOldReadingMs, b.earliestOldReadingMs),
    conflicts: a.conflicts + b.conflicts,
  };
}

export function hasFlags(flags: ReadingFlags): boolean {
  return flags.oldReadings > 0 || flags.conflicts > 0;
}

// The rule itself lives in @coldtrace/protocol, where the dry run reads it too.
export { oldReadingBeforeMs } from '@coldtrace/protocol';

/** The flags of newly stored rows and newly recorded conflicts. */
export function flagsOf(
  added: readonly ReadingRow[],
  recordedConflicts: number,
  oldBeforeMs: number,
): ReadingFlags {
  const old = findOldReadings(added, ([ms]) => ms, oldBeforeMs);
  return {
    oldReadings: old.count,
    earliestOldReadingMs: old.earliestMs,
    conflicts: recordedConflicts,
  };
}

/**
 * The shipment as `GetShipment` reports it: with the flags of all its sensors summed. Cost: one
 * state read per sensor of the shipment.
 */
export async function shipmentView(
  ctx: ColdChainContext,
  shipment: Shipment,
): Promise<ShipmentView> {
  let readingFlags = noFlags;
  for (const sensorId of shipment.sensorIds) {
    const state = await getJson<SensorState>(
      ctx.stub,
      sensorKey(ctx.stub, shipment.shipmentId, sensorId),
    );
    readingFlags = addFlags(readingFlags, state?.readingFlags ?? noFlags);
  }
  return { ...shipment, readingFlags };
}
