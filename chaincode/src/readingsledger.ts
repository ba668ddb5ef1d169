import type { ColdChainContext } from './coldchaincontext';
import { custodianAt } from './custodyhandover';
import {
  type AlertOutcome,
  ExcursionEvaluator,
  type SensorTrack,
  type TimedReading,
  emptyTrack,
} from './excursionevaluator';
import { type AlertChange, type ExcursionAlert, reconcileAlert } from './excursionalert';
import {
  alertKey,
  dayMs,
  getJson,
  keyTypes,
  openAlertKey,
  readingsKey,
  sensorKey,
  unmarshal,
} from './ledgerkeys';
import {
  type ReadingConflict,
  type ReadingFlags,
  type ReadingRow,
  marshalBytes,
  maxChunkConflicts,
  valueOfRow,
} from '@coldtrace/protocol';
import { validationFailed } from './chaincodeerror';
import { readAllEntries } from './paging';
import { type ReadingChunk, mergeRows } from './readingchunk';
import { addFlags, flagsOf, noFlags, oldReadingBeforeMs } from './readingflags';
import type { ParsedReading, ReadingBatch } from './sensorreading';
import { toRow } from './sensorreading';
import type { Shipment } from './shipment';
import { advance } from './shipmentlifecycle';

export interface IngestResult {
  readonly shipment: Shipment;
  readonly stored: number;
  readonly duplicates: number;
  /** Sorted by sensor and time. */
  readonly conflicts: readonly ReadingConflict[];
  /** Of the readings stored now, and the conflicts not recorded before. */
  readonly flags: ReadingFlags;
  readonly changes: readonly AlertChange[];
  /** False when the batch changed nothing (a replay): nothing was written. */
  readonly wrote: boolean;
}

/**
 * Stores a batch of readings and re-derives the alerts of the sensors it touches. Reads and
 * writes only keys of this shipment: per sensor its track and the day chunks the batch touches.
 */
export async function ingestReadings(
  ctx: ColdChainContext,
  shipment: Shipment,
  batch: ReadingBatch,
): Promise<IngestResult> {
  const evaluator = evaluatorAt(ctx, shipment);
  const oldBeforeMs = oldReadingBeforeMs(shipment);
  const bySensor = new Map<string, BatchReading[]>();
  for (const [index, reading] of batch.readings.entries()) {
    const list = bySensor.get(reading.sensorId) ?? [];
    list.push({ reading, index });
    bySensor.set(reading.sensorId, list);
  }
  let stored = 0;
  let duplicates = 0;
  let flags = noFlags;
  const conflicts: ReadingConflict[] = [];
  const outcomes: AlertOutcome[] = [];
  const folded = new Set<string>();
  for (const sensorId of [...bySensor.keys()].sort()) {
    const merged = await storeSensorReadings(
      ctx,
      shipment.shipmentId,
      sensorId,
      bySensor.get(sensorId) ?? [],
    );
    stored += merged.added.length;
    duplicates += merged.duplicates;
    conflicts.push(...merged.conflicts);
    flags = addFlags(flags, flagsOf(merged.added, merged.recorded, oldBeforeMs));
    if (merged.added.length > 0) {
      folded.add(sensorId);
      outcomes.push(
        await deriveSensorAlerts(ctx, shipment.shipmentId, sensorId, merged, evaluator),
      );
    }
  }
  if (stored > 0) {
    // Sensors without new readings: only their silence can have changed. A batch that adds
    // nothing stays free of alert writes, so a replay writes nothing.
    for (const sensorId of shipment.sensorIds) {
      if (!folded.has(sensorId)) {
        outcomes.push(await observeSensor(ctx, shipment.shipmentId, sensorId, evaluator, null));
      }
    }
  }
  const changes = await applyOutcomes(ctx, shipment, outcomes);
  const sensorIds = [...new Set([...shipment.sensorIds, ...folded])].sort();
  const updated = quarantineOnCritical(
    {
      ...shipment,
      readingCount: shipment.readingCount + stored,
      sensorIds: stored > 0 ? sensorIds : shipment.sensorIds,
      // On the shipment, which every batch that writes anything writes too (saveShipment).
      readingFlags: addFlags(shipment.readingFlags, flags),
    },
    changes,
    ctx.txTimeMs,
  );
  return {
    shipment: updated,
    stored,
    duplicates,
    conflicts,
    flags,
    changes,
    wrote: stored > 0 || flags.conflicts > 0,
  };
}

export interface ObservationResult {
  readonly shipment: Shipment;
  readonly changes: readonly AlertChange[];
}

/**
 * Re-judges every sensor's silence at the transaction time, for a transaction that takes no
 * readings (custody accepted, delivery). When it moves a transit boundary (start or end) to
 * `boundaryMs`, a sensor with readings after the boundary (at most the 5 minutes of clock skew
 * readings may run ahead) is re-derived from its readings, so its gaps are clipped to the new
 * transit period; the other sensors' gaps lie wholly before the boundary and cannot change.
 * Reads one track per sensor; writes only what changes.
 */
export async function observeSilence(
  ctx: ColdChainContext,
  shipment: Shipment,
  boundaryMs: number | null,
): Promise<ObservationResult> {
  const evaluator = evaluatorAt(ctx, shipment);
  const outcomes: AlertOutcome[] = [];
  for (const sensorId of shipment.sensorIds) {
    outcomes.push(await observeSensor(ctx, shipment.shipmentId, sensorId, evaluator, boundaryMs));
  }
  const changes = await applyOutcomes(ctx, shipment, outcomes);
  return { shipment: quarantineOnCritical(shipment, changes, ctx.txTimeMs), changes };
}

function evaluatorAt(ctx: ColdChainContext, shipment: Shipment): ExcursionEvaluator {
  return new ExcursionEvaluator(
    shipment.profile,
    { startMs: shipment.transitStartedAtMs, endMs: shipment.deliveredAtMs },
    ctx.txTimeMs,
  );
}

/** A newly raised CRITICAL alert quarantines; only QA disposition lifts it. */
function quarantineOnCritical(
  shipment: Shipment,
  changes: readonly AlertChange[],
  atMs: number,
): Shipment {
  return changes.some((change) => change.raised && change.alert.severity === 'CRITICAL')
    ? advance(shipment, 'CRITICAL_ALERT_RAISED', atMs)
    : shipment;
}

/** A reading with its index in the batch, to name it in an error. */
interface BatchReading {
  readonly reading: ParsedReading;
  readonly index: number;
}

interface StoredReadings {
  /** Sorted by time. */
  readonly added: ReadingRow[];
  readonly duplicates: number;
  readonly conflicts: ReadingConflict[];
  /** Conflicting rows recorded now for the first time. */
  readonly recorded: number;
  readonly chunks: ReadonlyMap<string, ReadingChunk>;
}

async function storeSensorReadings(
  ctx: ColdChainContext,
  shipmentId: string,
  sensorId: string,
  readings: readonly BatchReading[],
): Promise<StoredReadings> {
  const byDay = new Map<number, BatchReading[]>();
  for (const entry of readings) {
    const day = Math.floor(entry.reading.ms / dayMs);
    const list = byDay.get(day) ?? [];
    list.push(entry);
    byDay.set(day, list);
  }
  const added: ReadingRow[] = [];
  const conflicts: ReadingConflict[] = [];
  const chunks = new Map<string, ReadingChunk>();
  let duplicates = 0;
  let recorded = 0;
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const key = readingsKey(ctx.stub, shipmentId, sensorId, day);
    const before = (await getJson<ReadingChunk>(ctx.stub, key)) ?? { rows: [] };
    const dayReadings = byDay.get(day) ?? [];
    const merge = mergeRows(
      before,
      dayReadings.map((entry) => toRow(entry.reading)),
    );
    if (merge.pastConflictBound !== null) {
      // Refused whole: storing the batch without this evidence would count its conflicts again
      // on every replay.
      const index = dayReadings[merge.pastConflictBound]?.index ?? 0;
      throw validationFailed(
        `readings[${index}]`,
        'max-conflicts',
        `a sensor's day of readings keeps at most ${maxChunkConflicts} distinct conflicting readings`,
      );
    }
    duplicates += merge.duplicates;
    recorded += merge.recorded;
    for (const conflict of merge.conflicts) {
      conflicts.push({
        sensorId,
        timestampMs: conflict.stored[0],
        stored: valueOfRow(conflict.stored),
        submitted: valueOfRow(conflict.submitted),
      });
    }
    if (merge.chunk !== before) {
      added.push(...merge.added);
      chunks.set(key, merge.chunk);
      await ctx.stub.putState(key, marshalBytes(merge.chunk));
    }
  }
  added.sort((a, b) => a[0] - b[0]);
  // Stable: conflicts at one time keep their order in the batch.
  conflicts.sort((a, b) => a.timestampMs - b.timestampMs);
  return { added, duplicates, conflicts, recorded, chunks };
}

/** A state written before gap runs were tracked cannot be folded on: it is re-derived. */
function isCurrentTrack(track: SensorTrack): boolean {
  return Object.hasOwn(track, 'gapRun');
}

async function deriveSensorAlerts(
  ctx: ColdChainContext,
  shipmentId: string,
  sensorId: string,
  stored: StoredReadings,
  evaluator: ExcursionEvaluator,
): Promise<AlertOutcome> {
  const key = sensorKey(ctx.stub, shipmentId, sensorId);
  const previous = (await getJson<SensorTrack>(ctx.stub, key)) ?? emptyTrack(sensorId);
  const firstAdded = stored.added[0];
  const inOrder =
    isCurrentTrack(previous) &&
    (previous.last === null || (firstAdded !== undefined && firstAdded[0] > previous.last.ms));
  let track: SensorTrack;
  let outcome: AlertOutcome;
  if (inOrder) {
    // Common case: the batch continues the sensor's series; fold on from the compact state.
    track = previous;
    outcome = evaluator.fold(track, stored.added.map(timed));
  } else {
    // A late reading: re-derive the sensor from all its readings, so order never matters.
    track = emptyTrack(sensorId);
    outcome = await rederive(ctx, shipmentId, track, previous, stored.chunks, evaluator);
  }
  track.activeAlertIds = settle(previous.activeAlertIds, outcome, inOrder);
  await ctx.stub.putState(key, marshalBytes(track));
  return outcome;
}

/** A sensor without new readings: its silence, or a re-derivation past a transit boundary. */
async function observeSensor(
  ctx: ColdChainContext,
  shipmentId: string,
  sensorId: string,
  evaluator: ExcursionEvaluator,
  boundaryMs: number | null,
): Promise<AlertOutcome> {
  const key = sensorKey(ctx.stub, shipmentId, sensorId);
  const previous = await getJson<SensorTrack>(ctx.stub, key);
  if (previous === undefined || previous.last === null) {
    return new Map();
  }
  if ((boundaryMs !== null && previous.last.ms > boundaryMs) || !isCurrentTrack(previous)) {
    const track = emptyTrack(sensorId);
    const outcome = await rederive(ctx, shipmentId, track, previous, new Map(), evaluator);
    track.activeAlertIds = settle(previous.activeAlertIds, outcome, false);
    await ctx.stub.putState(key, marshalBytes(track));
    return outcome;
  }
  const outcome = evaluator.silence(previous);
  const active = settle(previous.activeAlertIds, outcome, true);
  if (active.join('\n') !== previous.activeAlertIds.join('\n')) {
    await ctx.stub.putState(key, marshalBytes({ ...previous, activeAlertIds: active }));
  }
  return outcome;
}

async function rederive(
  ctx: ColdChainContext,
  shipmentId: string,
  track: SensorTrack,
  previous: SensorTrack,
  written: ReadonlyMap<string, ReadingChunk>,
  evaluator: ExcursionEvaluator,
): Promise<AlertOutcome> {
  const outcome = evaluator.fold(
    track,
    await allSensorReadings(ctx, shipmentId, track.sensorId, written),
  );
  for (const alertId of previous.activeAlertIds) {
    if (!outcome.has(alertId)) {
      outcome.set(alertId, null);
    }
  }
  return outcome;
}

/**
 * The sensor's active alert ids after `outcome`, which it prunes of withdrawals of alerts that
 * were not active (nothing to write for those). `keep`: the outcome adds to the old set rather
 * than replacing it.
 */
function settle(wasActiveIds: readonly string[], outcome: AlertOutcome, keep: boolean): string[] {
  const wasActive = new Set(wasActiveIds);
  const active = new Set(keep ? wasActiveIds : []);
  for (const [alertId, derived] of outcome) {
    if (derived === null) {
      active.delete(alertId);
      if (!wasActive.has(alertId)) {
        outcome.delete(alertId);
      }
    } else {
      active.add(alertId);
    }
  }
  return [...active].sort();
}

function timed(row: ReadingRow): TimedReading {
  return { ms: row[0], milliC: row[1] };
}

async function allSensorReadings(
  ctx: ColdChainContext,
  shipmentId: string,
  sensorId: string,
  written: ReadonlyMap<string, ReadingChunk>,
): Promise<TimedReading[]> {
  // A range query does not see this transaction's own writes: take those from memory.
  const chunks = new Map(written);
  for (const entry of await readAllEntries(ctx.stub, keyTypes.readings, [shipmentId, sensorId])) {
    if (!chunks.has(entry.key)) {
      chunks.set(entry.key, unmarshal<ReadingChunk>(entry.value));
    }
  }
  const keys = [...chunks.keys()].sort();
  return keys.flatMap((key) => (chunks.get(key)?.rows ?? []).map(timed));
}

async function applyOutcomes(
  ctx: ColdChainContext,
  shipment: Shipment,
  outcomes: readonly AlertOutcome[],
): Promise<AlertChange[]> {
  const stamp = { txId: ctx.txId, atMs: ctx.txTimeMs };
  const lotIds = shipment.lots.map((lot) => lot.lotId).sort();
  const changes: AlertChange[] = [];
  for (const outcome of outcomes) {
    for (const alertId of [...outcome.keys()].sort()) {
      const derived = outcome.get(alertId) ?? null;
      const key = alertKey(ctx.stub, shipment.shipmentId, alertId);
      const existing = await getJson<ExcursionAlert>(ctx.stub, key);
      const custodianMspId =
        derived === null
          ? ''
          : custodianAt(shipment.ownerMspId, shipment.handovers, derived.startMs);
      const change = reconcileAlert(
        existing,
        derived,
        { shipmentId: shipment.shipmentId, lotIds, custodianMspId },
        stamp,
      );
      if (change !== undefined) {
        await ctx.stub.putState(key, marshalBytes(change.alert));
        await updateOpenIndex(ctx, shipment.shipmentId, existing, change.alert);
        changes.push(change);
      }
    }
  }
  return changes;
}

/** Keeps `openalert` keys for exactly the alerts with status OPEN (for `GetOpenAlerts`). */
export async function updateOpenIndex(
  ctx: ColdChainContext,
  shipmentId: string,
  before: ExcursionAlert | undefined,
  after: ExcursionAlert,
): Promise<void> {
  const wasOpen = before?.status === 'OPEN';
  const isOpen = after.status === 'OPEN';
  const key = openAlertKey(ctx.stub, shipmentId, after.alertId);
  if (isOpen && !wasOpen) {
    await ctx.stub.putState(key, Buffer.from(after.alertId, 'utf8'));
  } else if (wasOpen && !isOpen) {
    await ctx.stub.deleteState(key);
  }
}
