import { maxShipmentHandovers, maxShipmentSensors } from '@coldtrace/protocol';
import { ChaincodeError, validationFailed } from './chaincodeerror';
import type { ReadingBatch } from './sensorreading';
import type { Shipment } from './shipment';

/*
 * A shipment is returned whole by GetShipment and by every transaction on it, so each of its
 * lists has a bound (docs/chaincode-api.md, "Bounds"): `lots` by the shipment's input rules,
 * `handovers` and `sensorIds` here, before anything is written.
 */

/** Refuses a custody offer once the shipment holds the most handovers it may record. */
export function assertHandoverRoom(shipment: Shipment): void {
  if (shipment.handovers.length >= maxShipmentHandovers) {
    throw new ChaincodeError(
      'INVALID_STATE',
      `a shipment records at most ${maxShipmentHandovers} custody handovers`,
      { field: 'shipmentId', rule: 'max-handovers' },
    );
  }
}

/** Refuses a batch that would take the shipment past the most sensors it may have. */
export function assertSensorRoom(shipment: Shipment, batch: ReadingBatch): void {
  const known = new Set(shipment.sensorIds);
  for (const [index, reading] of batch.readings.entries()) {
    if (!known.has(reading.sensorId)) {
      known.add(reading.sensorId);
      if (known.size > maxShipmentSensors) {
        throw validationFailed(
          `readings[${index}].sensorId`,
          'max-sensors',
          `a shipment takes readings from at most ${maxShipmentSensors} sensors`,
        );
      }
    }
  }
}
