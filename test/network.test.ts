// The foundation on the live network: every organisation transacts through the gateway and reads
// what the others wrote, and a transaction without the endorsements the policy needs is rejected
// at validation, with the client seeing the commit status rather than a hang.
import { EndorseError, StatusCode } from '@hyperledger/fabric-gateway';
import { gtinWithCheckDigit } from './support/gtin';
import { connectAs, OrgConnection, parseJson, uniqueId } from './support/network';

describe('local Fabric network', () => {
  let shipper: OrgConnection;
  let qa: OrgConnection;
  let dispatcher: OrgConnection;
  let auditor: OrgConnection;

  beforeAll(() => {
    shipper = connectAs('PharmaMSP', 'shipper');
    qa = connectAs('PharmaMSP', 'qa');
    dispatcher = connectAs('LogisticsMSP', 'dispatcher');
    auditor = connectAs('AuditorMSP', 'auditor');
  });

  afterAll(() => {
    for (const connection of [shipper, qa, dispatcher, auditor]) connection.close();
  });

  function newLot(): { gtin: string; lotNumber: string; lotId: string; json: string } {
    const gtin = gtinWithCheckDigit('0061414100' + String(Date.now() % 1000).padStart(3, '0'));
    const lotNumber = uniqueId('L').slice(0, 20);
    const json = JSON.stringify({
      gtin,
      lotNumber,
      expiry: '2028-06-30',
      productName: 'Measles-rubella vaccine, 10-dose vial',
      profile: 'refrigerated-2-8',
    });
    return { gtin, lotNumber, lotId: `${gtin}:${lotNumber}`, json };
  }

  async function createShipment(lotId: string): Promise<string> {
    const shipmentId = uniqueId('SHP');
    await shipper.contract.submitTransaction(
      'CreateShipment',
      JSON.stringify({
        shipmentId,
        lots: [{ lotId, quantity: 1200 }],
        origin: { gln: '0614141000005', name: 'Pharma plant, Basel' },
        destination: { name: 'Central pharmacy, Lyon' },
      }),
    );
    return shipmentId;
  }

  it('reads a lot registered by Pharma back identically as Logistics and as the Auditor', async () => {
    const lot = newLot();
    const registered = parseJson(await shipper.contract.submitTransaction('RegisterLot', lot.json));

    const seenByCarrier = parseJson(
      await dispatcher.contract.evaluateTransaction('GetLot', lot.lotId),
    );
    const seenByAuditor = parseJson(
      await auditor.contract.evaluateTransaction('GetLot', lot.lotId),
    );

    expect(seenByCarrier).toEqual(registered);
    expect(seenByAuditor).toEqual(registered);
    expect(seenByAuditor).toMatchObject({ gtin: lot.gtin, lotNumber: lot.lotNumber });
  });

  it('records a custody handover accepted by Logistics, seen by Pharma QA and the Auditor', async () => {
    const lot = newLot();
    await shipper.contract.submitTransaction('RegisterLot', lot.json);
    const shipmentId = await createShipment(lot.lotId);
    await shipper.contract.submitTransaction('OfferCustody', shipmentId, 'LogisticsMSP');

    await dispatcher.contract.submitTransaction('AcceptCustody', shipmentId);

    for (const reader of [qa, auditor]) {
      const shipment = parseJson(
        await reader.contract.evaluateTransaction('GetShipment', shipmentId),
      );
      expect(shipment).toMatchObject({
        shipmentId,
        custodianMspId: 'LogisticsMSP',
        status: 'IN_TRANSIT',
      });
    }
  });

  it('rejects at validation a transaction endorsed by one organisation only', async () => {
    const lot = newLot();
    const proposal = shipper.contract.newProposal('RegisterLot', {
      arguments: [lot.json],
      endorsingOrganizations: ['PharmaMSP'],
    });
    const submitted = await (await proposal.endorse()).submit();

    const status = await submitted.getStatus();

    expect(status.code).toBe(StatusCode.ENDORSEMENT_POLICY_FAILURE);
    expect(status.successful).toBe(false);
    await expect(qa.contract.evaluateTransaction('GetLot', lot.lotId)).rejects.toThrow();
  });

  it('rejects readings endorsed without the shipment owner, even by two organisations', async () => {
    const lot = newLot();
    await shipper.contract.submitTransaction('RegisterLot', lot.json);
    const shipmentId = await createShipment(lot.lotId);
    await shipper.contract.submitTransaction('OfferCustody', shipmentId, 'LogisticsMSP');
    await dispatcher.contract.submitTransaction('AcceptCustody', shipmentId);
    const sensorGateway = connectAs('LogisticsMSP', 'sensor-gateway');
    try {
      const batch = JSON.stringify({
        batchId: uniqueId('B'),
        readings: [
          { sensorId: 'S1', timestamp: new Date().toISOString(), value: 5.2, unit: 'CEL' },
        ],
      });
      for (const endorsingOrganizations of [['LogisticsMSP'], ['LogisticsMSP', 'AuditorMSP']]) {
        const proposal = sensorGateway.contract.newProposal('SubmitReadings', {
          arguments: [shipmentId, batch],
          endorsingOrganizations,
        });
        const status = await (await (await proposal.endorse()).submit()).getStatus();
        expect(status.code).toBe(StatusCode.ENDORSEMENT_POLICY_FAILURE);
      }

      // Endorsed by the custodian and the owner, the same batch commits.
      const accepted = await sensorGateway.contract.submitAsync('SubmitReadings', {
        arguments: [shipmentId, batch],
      });
      expect((await accepted.getStatus()).successful).toBe(true);
    } finally {
      sensorGateway.close();
    }
  });

  it("submits through the Auditor's own gateway, where the chaincode refuses the regulator writes", async () => {
    const lot = newLot();

    const error: unknown = await auditor.contract.submitTransaction('RegisterLot', lot.json).then(
      () => undefined,
      (err: unknown) => err,
    );

    expect(error).toBeInstanceOf(EndorseError);
    const messages = (error as EndorseError).details.map((detail) => detail.message);
    const body = messages.map((message) =>
      message.slice(message.indexOf('{'), message.lastIndexOf('}') + 1),
    );
    expect(body.map((json) => (JSON.parse(json) as { code: string }).code)).toContain(
      'ACCESS_DENIED',
    );
    await expect(qa.contract.evaluateTransaction('GetLot', lot.lotId)).rejects.toThrow();
  });
});
