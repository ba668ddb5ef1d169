// The two fabric-shim internals the error boundary wraps (see errorboundary.ts); fabric-shim
// ships no types for them.
declare module 'fabric-shim/lib/contract-spi/datamarshall' {
  const DataMarshall: {
    prototype: { handleParameters: (this: unknown, ...args: unknown[]) => unknown[] };
  };
  export = DataMarshall;
}

declare module 'fabric-shim/lib/contract-spi/chaincodefromcontract' {
  interface ChaincodeResponse {
    status: number;
    message?: string;
    payload?: Uint8Array;
  }
  const ChaincodeFromContract: {
    new (
      contracts: unknown[],
      serializers: unknown,
      metadata: object,
      title: string,
      version: string,
    ): { invokeFunctionality(stub: unknown): Promise<ChaincodeResponse> };
    prototype: {
      invokeFunctionality: (this: unknown, stub: unknown) => Promise<ChaincodeResponse>;
    };
  };
  export = ChaincodeFromContract;
}
