import {
  type ExcursionAlert,
  JsonReader,
  type Lot,
  alertEventName,
  alertEventPayload,
  dispositionDecisions,
  marshal,
  marshalBytes,
  parseId,
  parseLotId,
} from '@coldtrace/protocol';
import { Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { authorize } from './accesspolicy';
import { custodianMsps } from './actor';
import { ColdChainContext, loadShipment, saveShipment } from './coldchaincontext';
import {
  ChaincodeError,
  alreadyExists,
  custodyViolation,
  invalidState,
  notFound,
  toChaincodeError,
  validationFailed,
} from './chaincodeerror';
import { acceptHandover, offerHandover } from './custodyhandover';
import { endorsingMspIds } from './endorsementpolicy';
import { acknowledge } from './excursionalert';
import { alertKey, getJson, lotKey, lotShipmentKey, shipmentKey } from './ledgerkeys';
import { parseLotRegistration } from './lot';
import { profilePresets } from './profilepresets';
import { noFlags } from './readingflags';
import { ingestReadings, observeSilence, updateOpenIndex } from './readingsledger';
import { parseReadingBatch } from './sensorreading';
import { type Shipment, parseShipmentRequest } from './shipment';
import { advance, assertAllowed, initialLifecycle } from './shipmentlifecycle';
import { assertHandoverRoom, assertSensorRoom } from './shipmentbounds';
import { ShipmentQueries } from './shipmentqueries';
import { readingsReceipt } from './submissionreceipt';
import { strictestProfile } from './temperatureprofile';

function alertCount(changes: readonly unknown[]): string {
  return changes.length > 0 ? `, ${changes.length} alert change(s)` : '';
}

/** coldtrace: lots, shipments, custody, sensor readings and excursion alerts. */
@Info({ title: 'ColdChainContract', description: 'Cold-chain provenance for pharmaceuticals' })
export class ColdChainContract extends Contract {
  constructor() {
    super('ColdChainContract');
  }

  override createContext(): ColdChainContext {
    return new ColdChainContext();
  }

  /** Authorisation happens here, once, before any transaction runs. */
  override async beforeTransaction(ctx: ColdChainContext): Promise<void> {
    try {
      ctx.actor = authorize(ctx.stub.getFunctionAndParameters().fcn, ctx.clientIdentity);
    } catch (error) {
      return Promise.reject(toChaincodeError(error));
    }
    return Promise.resolve();
  }

  /** Every failure of a transaction leaves as the protocol's error envelope. */
  override async aroundTransaction(
    ...call: Parameters<Contract['aroundTransaction']>
  ): Promise<void> {
    try {
      // The typings say void; at run time this is the transaction's result, passed on unchanged.
      // eslint-disable-next-line @typescript-eslint/no-confusing-void-expression
      return await super.aroundTransaction(...call);
    } catch (error) {
      throw toChaincodeError(error);
    }
  }

  override async unknownTransaction(ctx: ColdChainContext): Promise<void> {
    const { fcn } = ctx.stub.getFunctionAndParameters();
    return Promise.reject(
      new ChaincodeError('UNKNOWN_TRANSACTION', `no transaction ${fcn}`, {
        field: 'fcn',
        rule: 'known-transaction',
      }),
    );
  }

  @Transaction()
  @Returns('string')
  async RegisterLot(ctx: ColdChainContext, lotJson: string): Promise<string> {
    const registration = parseLotRegistration(lotJson);
    const key = lotKey(ctx.stub, registration.lotId);
    if ((await ctx.stub.getState(key)).length > 0) {
      throw alreadyExists('lotJson', `lot ${registration.lotId} already exists`);
    }
    const lot: Lot = {
      ...registration,
      registeredBy: ctx.actor,
      registeredAtMs: ctx.txTimeMs,
      txId: ctx.txId,
    };
    await ctx.stub.putState(key, marshalBytes(lot));
    return marshal(lot);
  }

  @Transaction()
  @Returns('string')
  async CreateShipment(ctx: ColdChainContext, shipmentJson: string): Promise<string> {
    const request = parseShipmentRequest(shipmentJson);
    if ((await ctx.stub.getState(shipmentKey(ctx.stub, request.shipmentId))).length > 0) {
      throw alreadyExists(
        'shipmentJson.shipmentId',
        `shipment ${request.shipmentId} already exists`,
      );
    }
    const lots: Lot[] = [];
    for (const [index, item] of request.lots.entries()) {
      const lot = await getJson<Lot>(ctx.stub, lotKey(ctx.stub, item.lotId));
      if (lot === undefined) {
        throw notFound(`shipmentJson.lots[${index}].lotId`, `lot ${item.lotId} does not exist`);
      }
      lots.push(lot);
    }
    const owner = ctx.actor.mspId;
    const shipment: Shipment = {
      shipmentId: request.shipmentId,
      ownerMspId: owner,
      lots: request.lots,
      origin: request.origin,
      destination: request.destination,
      profile:
        request.profile ??
        strictestProfile(
          lots.map((lot) => lot.profile),
          'shipmentJson.profile',
        ),
      ...initialLifecycle,
      custodianMspId: owner,
      pendingHandover: null,
      handovers: [],
      endorsingMspIds: endorsingMspIds(owner, owner),
      readingCount: 0,
      sensorIds: [],
      oldReadingWindowMs: request.oldReadingWindowMs,
      readingFlags: noFlags,
      eventCount: 0,
      createdBy: ctx.actor,
      createdAtMs: ctx.txTimeMs,
      updatedAtMs: ctx.txTimeMs,
    };
    for (const lot of request.lots) {
      await ctx.stub.putState(
        lotShipmentKey(ctx.stub, lot.lotId, shipment.shipmentId),
        Buffer.from(shipment.shipmentId),
      );
    }
    return marshal(
      await saveShipment(ctx, shipment, 'CREATED', `created with ${request.lots.length} lot(s)`),
    );
  }

  @Transaction()
  @Returns('string')
  async OfferCustody(ctx: ColdChainContext, shipmentId: string, toMspId: string): Promise<string> {
    const shipment = await this.#custodiedShipment(ctx, shipmentId);
    const moved = advance(shipment, 'CUSTODY_OFFERED', ctx.txTimeMs);
    assertHandoverRoom(shipment);
    if (!custodianMsps.includes(toMspId) || toMspId === shipment.custodianMspId) {
      throw validationFailed(
        'toMspId',
        'custodian-org',
        'toMspId must be another organisation that can hold custody',
      );
    }
    const offer = offerHandover(
      shipment.custodianMspId,
      toMspId,
      ctx.actor,
      ctx.txTimeMs,
      ctx.txId,
    );
    const saved = await saveShipment(
      ctx,
      { ...moved, pendingHandover: offer },
      'CUSTODY_OFFERED',
      `offered to ${toMspId}`,
      shipment.endorsingMspIds,
    );
    return marshal(saved);
  }

  @Transaction()
  @Returns('string')
  async AcceptCustody(ctx: ColdChainContext, shipmentId: string): Promise<string> {
    const shipment = await loadShipment(ctx, parseId(shipmentId, 'shipmentId'));
    const moved = advance(shipment, 'CUSTODY_ACCEPTED', ctx.txTimeMs);
    const offer = shipment.pendingHandover;
    if (offer === null) {
      throw invalidState('handover-pending', 'there is no pending custody offer');
    }
    if (offer.toMspId !== ctx.actor.mspId) {
      throw custodyViolation('offered-to-caller', 'the custody offer is for another organisation');
    }
    const accepted = acceptHandover(offer, ctx.actor, ctx.txTimeMs, ctx.txId);
    const next: Shipment = {
      ...moved,
      custodianMspId: offer.toMspId,
      pendingHandover: null,
      handovers: [...shipment.handovers, accepted],
      endorsingMspIds: endorsingMspIds(shipment.ownerMspId, offer.toMspId),
    };
    const startsTransit = shipment.transitStartedAtMs === null && next.transitStartedAtMs !== null;
    const observed = await observeSilence(ctx, next, startsTransit ? ctx.txTimeMs : null);
    // The key-level policy follows custody from this transaction on.
    const saved = await saveShipment(
      ctx,
      observed.shipment,
      'CUSTODY_ACCEPTED',
      `custody accepted by ${offer.toMspId}${alertCount(observed.changes)}`,
      shipment.endorsingMspIds,
    );
    this.#emitAlerts(
      ctx,
      saved.shipmentId,
      observed.changes.map((change) => change.alert),
    );
    return marshal(saved);
  }

  @Transaction()
  @Returns('string')
  async ConfirmDelivery(ctx: ColdChainContext, shipmentId: string): Promise<string> {
    const shipment = await this.#custodiedShipment(ctx, shipmentId);
    const next: Shipment = {
      ...advance(shipment, 'DELIVERY_CONFIRMED', ctx.txTimeMs),
      pendingHandover: null,
    };
    // Delivery ends the transit period: silences are measured to here, and gaps reaching past
    // it are clipped.
    const observed = await observeSilence(ctx, next, ctx.txTimeMs);
    const saved = await saveShipment(
      ctx,
      observed.shipment,
      'DELIVERED',
      `delivered${alertCount(observed.changes)}`,
      shipment.endorsingMspIds,
    );
    this.#emitAlerts(
      ctx,
      saved.shipmentId,
      observed.changes.map((change) => change.alert),
    );
    return marshal(saved);
  }

  @Transaction()
  @Returns('string')
  async SubmitReadings(
    ctx: ColdChainContext,
    shipmentId: string,
    batchJson: string,
  ): Promise<string> {
    const id = parseId(shipmentId, 'shipmentId');
    const batch = parseReadingBatch(batchJson, ctx.txTimeMs);
    const shipment = await loadShipment(ctx, id);
    if (shipment.custodianMspId !== ctx.actor.mspId) {
      throw custodyViolation('current-custodian', 'only the current custodian may submit readings');
    }
    assertAllowed(shipment, 'READINGS_SUBMITTED');
    assertSensorRoom(shipment, batch);
    const result = await ingestReadings(ctx, shipment, batch);
    let saved = result.shipment;
    if (result.wrote) {
      // Whatever the batch wrote, it writes the shipment too: bound by its key-level policy.
      const summary = `batch ${batch.batchId}: ${result.stored} stored, ${result.duplicates} duplicates, ${result.conflicts.length} conflicts, ${result.changes.length} alert change(s)`;
      saved = await saveShipment(
        ctx,
        result.shipment,
        'READINGS_SUBMITTED',
        summary,
        shipment.endorsingMspIds,
      );
    }
    this.#emitAlerts(
      ctx,
      id,
      result.changes.map((change) => change.alert),
    );
    return marshal(readingsReceipt(batch.batchId, result, saved));
  }

  @Transaction()
  @Returns('string')
  async AcknowledgeAlert(
    ctx: ColdChainContext,
    shipmentId: string,
    alertId: string,
    comment: string,
  ): Promise<string> {
    const id = parseId(shipmentId, 'shipmentId');
    const text = new JsonReader(comment, 'comment').asText(1000);
    if (typeof alertId !== 'string' || alertId.length > 200 || alertId.includes('\u0000')) {
      throw validationFailed('alertId', 'format', 'alertId is malformed');
    }
    const shipment = await loadShipment(ctx, id);
    if (ctx.actor.role !== 'qa' && ctx.actor.mspId !== shipment.custodianMspId) {
      throw custodyViolation('custodian-or-qa', 'only the custodian or QA may acknowledge');
    }
    assertAllowed(shipment, 'ALERT_ACKNOWLEDGED');
    const key = alertKey(ctx.stub, id, alertId);
    const alert = await getJson<ExcursionAlert>(ctx.stub, key);
    if (alert === undefined) {
      throw notFound('alertId', `alert ${alertId} does not exist`);
    }
    if (alert.status !== 'OPEN') {
      throw invalidState('alert-open', `a ${alert.status} alert cannot be acknowledged`);
    }
    const acknowledged = acknowledge(alert, {
      comment: text,
      by: ctx.actor,
      atMs: ctx.txTimeMs,
      txId: ctx.txId,
    });
    await ctx.stub.putState(key, marshalBytes(acknowledged));
    await updateOpenIndex(ctx, id, alert, acknowledged);
    await saveShipment(
      ctx,
      shipment,
      'ALERT_ACKNOWLEDGED',
      `alert ${alertId} acknowledged`,
      shipment.endorsingMspIds,
    );
    this.#emitAlerts(ctx, id, [acknowledged]);
    return marshal(acknowledged);
  }

  @Transaction()
  @Returns('string')
  async DisposeShipment(
    ctx: ColdChainContext,
    shipmentId: string,
    decision: string,
    reason: string,
  ): Promise<string> {
    const id = parseId(shipmentId, 'shipmentId');
    const parsedDecision = new JsonReader(decision, 'decision').asOneOf(dispositionDecisions);
    const text = new JsonReader(reason, 'reason').asText(1000);
    const shipment = await loadShipment(ctx, id);
    // A release returns the shipment to the phase the quarantine held; the decision is kept.
    const next: Shipment = {
      ...advance(
        shipment,
        parsedDecision === 'RELEASE' ? 'QA_RELEASED' : 'QA_REJECTED',
        ctx.txTimeMs,
      ),
      disposition: {
        decision: parsedDecision,
        reason: text,
        by: ctx.actor,
        atMs: ctx.txTimeMs,
        txId: ctx.txId,
      },
    };
    return marshal(
      await saveShipment(
        ctx,
        next,
        'DISPOSED',
        `${parsedDecision}: ${text}`,
        shipment.endorsingMspIds,
      ),
    );
  }

  @Transaction(false)
  @Returns('string')
  async GetLot(ctx: ColdChainContext, lotId: string): Promise<string> {
    const id = parseLotId(lotId, 'lotId');
    const lot = await getJson<Lot>(ctx.stub, lotKey(ctx.stub, id));
    if (lot === undefined) {
      throw notFound('lotId', `lot ${id} does not exist`);
    }
    return marshal(lot);
  }

  @Transaction(false)
  @Returns('string')
  async GetShipment(ctx: ColdChainContext, shipmentId: string): Promise<string> {
    return marshal(await loadShipment(ctx, parseId(shipmentId, 'shipmentId')));
  }

  @Transaction(false)
  @Returns('string')
  async GetShipmentHistory(
    ctx: ColdChainContext,
    shipmentId: string,
    pageSize: string,
    bookmark: string,
  ): Promise<string> {
    return marshal(await new ShipmentQueries(ctx).history(shipmentId, pageSize, bookmark));
  }

  @Transaction(false)
  @Returns('string')
  async GetReadings(
    ctx: ColdChainContext,
    shipmentId: string,
    fromMs: string,
    toMs: string,
    pageSize: string,
    bookmark: string,
  ): Promise<string> {
    return marshal(
      await new ShipmentQueries(ctx).readings(shipmentId, fromMs, toMs, pageSize, bookmark),
    );
  }

  @Transaction(false)
  @Returns('string')
  async GetAlertsByShipment(
    ctx: ColdChainContext,
    shipmentId: string,
    pageSize: string,
    bookmark: string,
  ): Promise<string> {
    return marshal(await new ShipmentQueries(ctx).alertsByShipment(shipmentId, pageSize, bookmark));
  }

  @Transaction(false)
  @Returns('string')
  async GetAlertsByLot(
    ctx: ColdChainContext,
    lotId: string,
    pageSize: string,
    bookmark: string,
  ): Promise<string> {
    return marshal(await new ShipmentQueries(ctx).alertsByLot(lotId, pageSize, bookmark));
  }

  @Transaction(false)
  @Returns('string')
  async GetOpenAlerts(ctx: ColdChainContext, pageSize: string, bookmark: string): Promise<string> {
    return marshal(await new ShipmentQueries(ctx).openAlerts(pageSize, bookmark));
  }

  @Transaction(false)
  @Returns('string')
  async GetLotHistory(
    ctx: ColdChainContext,
    lotId: string,
    pageSize: string,
    bookmark: string,
  ): Promise<string> {
    return marshal(await new ShipmentQueries(ctx).lotHistory(lotId, pageSize, bookmark));
  }

  @Transaction(false)
  @Returns('string')
  // fabric-contract-api passes the context first, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async ListProfilePresets(_ctx: ColdChainContext): Promise<string> {
    return Promise.resolve(marshal(profilePresets));
  }

  /** The shipment, if the caller's organisation holds custody of it. */
  async #custodiedShipment(ctx: ColdChainContext, shipmentId: string): Promise<Shipment> {
    const shipment = await loadShipment(ctx, parseId(shipmentId, 'shipmentId'));
    if (shipment.custodianMspId !== ctx.actor.mspId) {
      throw custodyViolation('current-custodian', 'only the current custodian may do this');
    }
    return shipment;
  }

  /** Fabric keeps one event per transaction: it carries every alert the transaction changed. */
  #emitAlerts(ctx: ColdChainContext, shipmentId: string, alerts: readonly ExcursionAlert[]): void {
    if (alerts.length > 0) {
      ctx.stub.setEvent(
        alertEventName,
        marshalBytes(alertEventPayload(shipmentId, ctx.txId, alerts)),
      );
    }
  }
}
