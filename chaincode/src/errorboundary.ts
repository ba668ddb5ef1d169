import { encodeErrorEnvelope, parseErrorEnvelope } from '@coldtrace/protocol';
import ChaincodeFromContract from 'fabric-shim/lib/contract-spi/chaincodefromcontract';
import DataMarshall from 'fabric-shim/lib/contract-spi/datamarshall';
import { ChaincodeError } from './chaincodeerror';

// Shim's ERROR status; anything from 400 up is a failure the peer reports to the client.
const firstErrorStatus = 400;
let installed = false;

/**
 * Makes every failure leave the chaincode as the protocol's error envelope. The contract's own
 * hooks (`beforeTransaction`, `aroundTransaction`, `unknownTransaction`) cover what runs inside
 * it; two failures happen in fabric-shim's dispatch before any hook runs and came out as bare
 * text, which clients could only guess at (and retried):
 * - the argument count check (`Expected 2 parameters, but 1 have been supplied`): wrapped here
 *   as `BAD_ARGUMENTS`;
 * - anything else the dispatch itself throws (an unknown `Contract:` prefix, a serialisation
 *   failure): the response is re-wrapped as `INTERNAL`, keeping the text as the message.
 * fabric-shim offers no hook for either, so its two methods are wrapped once, at module load.
 */
export function installErrorBoundary(): void {
  if (installed) {
    return;
  }
  installed = true;
  const handleParameters = DataMarshall.prototype.handleParameters;
  DataMarshall.prototype.handleParameters = function (this: unknown, ...args: unknown[]) {
    try {
      return handleParameters.apply(this, args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ChaincodeError('BAD_ARGUMENTS', message, { rule: 'arguments' }, { cause: error });
    }
  };
  const invoke = ChaincodeFromContract.prototype.invokeFunctionality;
  ChaincodeFromContract.prototype.invokeFunctionality = async function (
    this: unknown,
    stub: unknown,
  ) {
    const response = await invoke.call(this, stub);
    const message = response.message ?? '';
    if (response.status < firstErrorStatus || parseErrorEnvelope(message) !== undefined) {
      return response;
    }
    return {
      ...response,
      message: encodeErrorEnvelope({ code: 'INTERNAL', message: message || 'chaincode failed' }),
    };
  };
}
