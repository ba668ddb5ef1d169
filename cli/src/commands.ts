import { alertsAck, alertsList, alertsWatch } from './alertcommands';
import { auditVerify } from './auditcommands';
import { CommandRegistry } from './commandregistry';
import { custodyAccept, custodyDeliver, custodyOffer } from './custodycommands';
import { shipmentExport } from './exportcommands';
import {
  lotGet,
  lotHistory,
  lotRegister,
  shipmentCreate,
  shipmentDispose,
  shipmentGet,
  shipmentHistory,
} from './historycommands';
import { readingsList, readingsSubmit } from './readingscommands';

/** Every command of the `coldtrace` CLI. */
export function newCommandRegistry(): CommandRegistry {
  return new CommandRegistry().register(
    lotRegister,
    lotGet,
    lotHistory,
    shipmentCreate,
    shipmentGet,
    shipmentHistory,
    shipmentDispose,
    shipmentExport,
    custodyOffer,
    custodyAccept,
    custodyDeliver,
    readingsSubmit,
    readingsList,
    alertsList,
    alertsAck,
    alertsWatch,
    auditVerify,
  );
}
