import { Context } from 'fabric-contract-api';
import type { Actor } from './actor';
import { notFound } from './chaincodeerror';
import { applyEndorsementPolicy } from './endorsementpolicy';
import {
  type Shipment,
  type ShipmentEvent,
  type ShipmentEventType,
  defaultOldReadingWindowMs,
  marshal,
  marshalBytes,
} from '@coldtrace/protocol';
import { eventKey, getJson, shipmentKey } from './ledgerkeys';
import { noFlags } from './readingflags';

/** The transaction context, with the caller authorised once in `beforeTransaction`. */
export class ColdChainContext extends Context {
  #actor: Actor | undefined;

  set actor(actor: Actor) {
    this.#actor = actor;
  }

  get actor(): Actor {
    if (this.#actor === undefined) {
      throw new Error('caller not authorised');
    }
    return this.#actor;
  }

  get txId(): string {
    return this.stub.getTxID();
  }

  /** Time comes from the transaction only, so every endorser sees the same value. */
  get txTimeMs(): number {
    const timestamp = this.stub.getTxTimestamp();
    return timestamp.seconds.toNumber() * 1000 + Math.floor(timestamp.nanos / 1_000_000);
  }
}

export async function loadShipment(ctx: ColdChainContext, shipmentId: string): Promise<Shipment> {
  // A shipment stored before the old-reading window and the reading flags existed has the
  // default window and no flags (nothing before them counted old readings or conflicts).
  const shipment = await getJson<
    Omit<Shipment, 'oldReadingWindowMs' | 'readingFlags'> & Partial<Shipment>
  >(ctx.stub, shipmentKey(ctx.stub, shipmentId));
  if (shipment === undefined) {
    throw notFound('shipmentId', `shipment ${shipmentId} does not exist`);
  }
  return {
    ...shipment,
    oldReadingWindowMs: shipment.oldReadingWindowMs ?? defaultOldReadingWindowMs,
    readingFlags: shipment.readingFlags ?? noFlags,
  };
}

/**
 * Writes the shipment with the next history event. Every shipment transaction goes through
 * here, so every one of them writes the shipment key and is bound by its key-level policy.
 */
export async function saveShipment(
  ctx: ColdChainContext,
  shipment: Shipment,
  type: ShipmentEventType,
  summary: string,
  previousEndorsers?: readonly string[],
): Promise<Shipment> {
  const seq = shipment.eventCount + 1;
  const saved: Shipment = { ...shipment, eventCount: seq, updatedAtMs: ctx.txTimeMs };
  const event: ShipmentEvent = {
    shipmentId: shipment.shipmentId,
    seq,
    txId: ctx.txId,
    timestampMs: ctx.txTimeMs,
    type,
    actor: ctx.actor,
    status: saved.status,
    summary,
  };
  const key = shipmentKey(ctx.stub, shipment.shipmentId);
  await ctx.stub.putState(key, marshalBytes(saved));
  await ctx.stub.putState(eventKey(ctx.stub, shipment.shipmentId, seq), marshalBytes(event));
  if (
    previousEndorsers === undefined ||
    marshal(previousEndorsers) !== marshal(saved.endorsingMspIds)
  ) {
    await applyEndorsementPolicy(ctx.stub, key, saved.endorsingMspIds);
  }
  return saved;
}
