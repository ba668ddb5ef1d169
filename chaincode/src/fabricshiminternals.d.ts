// fabric-shim internals it ships no types for: the two the error boundary wraps (errorboundary.ts),
// and the router the in-memory test ledger drives (testing/inmemoryledger.ts).
declare module 'fabric-shim/lib/contract-spi/datamarshall' {
  const DataMarshall: {
    prototype: { handleParameters: (this: unknown, ...args: unknown[]) => unknown[] };
  };
  export = DataMarshall;
}

/** fabric-shim's router from a peer's Invoke to contract transactions. */
declare module 'fabric-shim/lib/contract-spi/chaincodefromcontract' {
  import type { Contract } from 'fabric-contract-api';

  interface TransactionDescriptor {
    readonly name: string;
    readonly tag?: readonly string[];
  }

  interface Serializers {
    readonly transaction: string;
    readonly serializers: Readonly<Record<string, unknown>>;
  }

  interface ChaincodeResponse {
    readonly status: number;
    readonly message?: string;
    readonly payload?: Uint8Array;
  }

  class ChaincodeFromContract {
    /** Appends fabric-shim's system contract to `contracts`: pass a copy. */
    constructor(
      contracts: (new () => Contract)[],
      serializers: Serializers,
      metadata?: object,
      title?: string,
      version?: string,
    );
    readonly defaultContractName: string;
    readonly metadata: {
      readonly contracts: Readonly<
        Record<string, { readonly transactions: readonly TransactionDescriptor[] }>
      >;
    };
    Invoke(stub: unknown): Promise<ChaincodeResponse>;
    // A property, not a method: errorboundary.ts replaces it on the prototype.
    invokeFunctionality: (this: unknown, stub: unknown) => Promise<ChaincodeResponse>;
  }

  export = ChaincodeFromContract;
}
