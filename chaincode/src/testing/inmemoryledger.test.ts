import { Context, Contract, Returns, Transaction } from 'fabric-contract-api';
import {
  EndorsementMismatchError,
  InMemoryLedger,
  TestIdentity,
  UnsupportedTransactionError,
} from './inmemoryledger';
import { auditor, shipmentInTransit, shipper } from './testfixtures';

const caller = new TestIdentity('PharmaMSP', 'qa', 'quality');

/** Contract transactions that break, each, one rule the test double enforces. */
class ProbeContract extends Contract {
  constructor() {
    super('ProbeContract');
  }

  @Transaction()
  @Returns('string')
  async WriteClock(ctx: Context): Promise<string> {
    await ctx.stub.putState('clock', Buffer.from(new Date().toISOString()));
    return 'written';
  }

  @Transaction(false)
  @Returns('string')
  async RandomResult(): Promise<string> {
    return Promise.resolve(String(Math.random()));
  }

  @Transaction()
  @Returns('string')
  async Put(ctx: Context, key: string, value: string): Promise<string> {
    await ctx.stub.putState(key, Buffer.from(value));
    return key;
  }

  @Transaction(false)
  @Returns('string')
  async Get(ctx: Context, key: string): Promise<string> {
    return Buffer.from(await ctx.stub.getState(key)).toString('utf8');
  }

  @Transaction(false)
  @Returns('string')
  async WriteInQuery(ctx: Context): Promise<string> {
    await ctx.stub.putState('k', Buffer.from('v'));
    return 'written';
  }

  @Transaction(false)
  @Returns('string')
  async EventInQuery(ctx: Context): Promise<string> {
    ctx.stub.setEvent('e', Buffer.from('{}'));
    return Promise.resolve('set');
  }

  @Transaction()
  @Returns('string')
  async PageInSubmit(ctx: Context): Promise<string> {
    return page(ctx);
  }

  @Transaction(false)
  @Returns('string')
  async PageThenWrite(ctx: Context): Promise<string> {
    await page(ctx);
    await ctx.stub.putState('k', Buffer.from('v'));
    return 'written';
  }

  @Transaction()
  @Returns('string')
  async WriteThenPage(ctx: Context): Promise<string> {
    await ctx.stub.putState('k', Buffer.from('v'));
    return page(ctx);
  }

  @Transaction(false)
  @Returns('string')
  async SwallowViolation(ctx: Context): Promise<string> {
    try {
      await ctx.stub.putState('k', Buffer.from('v'));
    } catch {
      // A chaincode that hides the peer's refusal still fails the test.
    }
    return 'fine';
  }

  @Transaction(false)
  @Returns('string')
  async WhoAmI(ctx: Context): Promise<string> {
    const identity = ctx.clientIdentity;
    return Promise.resolve(
      `${identity.getMSPID()} ${identity.getID()} ${String(identity.getAttributeValue('role'))}`,
    );
  }
}

async function page(ctx: Context): Promise<string> {
  const { iterator } = await ctx.stub.getStateByPartialCompositeKeyWithPagination('t', [], 5, '');
  await iterator.close();
  return 'paged';
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) {
      return error;
    }
  }
  throw new Error('expected the transaction to fail');
}

describe('InMemoryLedger: fabric-contract-api dispatch', () => {
  it('routes through the contract router: argument counts, unknown transactions and contracts', async () => {
    const ledger = await shipmentInTransit();
    // Every refusal leaves the router as coldtrace's error envelope (errorboundary.ts).
    const envelope = async (fcn: string, ...args: string[]): Promise<unknown> =>
      JSON.parse((await failure(ledger.invoke(auditor, fcn, ...args))).message) as unknown;
    expect(await envelope('GetShipment')).toEqual({
      code: 'BAD_ARGUMENTS',
      message: 'Expected 1 parameters, but 0 have been supplied',
      rule: 'arguments',
    });
    expect(await envelope('GetShipment', 'SHP-1', 'x')).toMatchObject({
      code: 'BAD_ARGUMENTS',
      message: 'Expected 1 parameters, but 2 have been supplied',
    });
    expect(await envelope('Nope')).toMatchObject({ code: 'UNKNOWN_TRANSACTION' });
    expect(await envelope('Nope:GetShipment', 'SHP-1')).toMatchObject({ code: 'INTERNAL' });
    const named = await ledger.invoke(auditor, 'ColdChainContract:GetShipment', 'SHP-1');
    expect(named).toBe(await ledger.invoke(auditor, 'GetShipment', 'SHP-1'));
  });

  it('submits the transactions tagged for submit and evaluates the queries', () => {
    const ledger = new InMemoryLedger();
    expect(ledger.modeOf('DisposeShipment')).toBe('submit');
    expect(ledger.modeOf('GetShipment')).toBe('evaluate');
    expect(ledger.modeOf('ColdChainContract:GetLotHistory')).toBe('evaluate');
  });

  it('hands the contract a ClientIdentity parsed from an X.509 certificate', async () => {
    const ledger = new InMemoryLedger({ contracts: [ProbeContract] });
    expect(await ledger.invoke(caller, 'WhoAmI')).toBe(
      'PharmaMSP x509::/OU=client/CN=quality::/O=PharmaMSP/CN=ca.pharmamsp qa',
    );
    const roleless = new TestIdentity('AuditorMSP', null);
    expect(await ledger.invoke(roleless, 'WhoAmI')).toMatch(/^AuditorMSP .* null$/u);
  });

  it('runs beforeTransaction: coldtrace authorises every call', async () => {
    const ledger = await shipmentInTransit();
    const error = await failure(ledger.invoke(auditor, 'DisposeShipment', 'SHP-1', 'REJECT', 'x'));
    expect(JSON.parse(error.message)).toMatchObject({ code: 'ACCESS_DENIED' });
    expect(await ledger.invoke(shipper, 'GetShipment', 'SHP-1')).toContain('"SHP-1"');
  });
});

describe('InMemoryLedger: two endorsements', () => {
  it('fails a transaction whose write set depends on the wall clock', async () => {
    const ledger = new InMemoryLedger({ contracts: [ProbeContract] });
    const error = await failure(ledger.invoke(caller, 'WriteClock'));
    expect(error).toBeInstanceOf(EndorsementMismatchError);
    expect(error.message).toMatch(/endorsements differ in writes/u);
    expect(ledger.state.size).toBe(0);
  });

  it('fails a query whose result is random', async () => {
    const ledger = new InMemoryLedger({ contracts: [ProbeContract] });
    const error = await failure(ledger.invoke(caller, 'RandomResult'));
    expect(error).toBeInstanceOf(EndorsementMismatchError);
    expect(error.message).toMatch(/differ in payload/u);
  });

  it('commits the agreed write set, an empty value deleting the key', async () => {
    const ledger = new InMemoryLedger({ contracts: [ProbeContract] });
    await ledger.invoke(caller, 'Put', 'a', 'one');
    expect(await ledger.invoke(caller, 'Get', 'a')).toBe('one');
    await ledger.invoke(caller, 'Put', 'a', '');
    expect(ledger.state.has('a')).toBe(false);
  });
});

describe("InMemoryLedger: Fabric's rules on paged queries and read-only transactions", () => {
  const cases: [string, string, InvocationModeName, RegExp][] = [
    ['a submitted transaction that pages', 'PageInSubmit', 'invoke', /paginated query/u],
    [
      'a write after a paged query',
      'PageThenWrite',
      'invoke',
      /already performed a paginated query\. Writes are not allowed/u,
    ],
    [
      'a paged query after a write',
      'WriteThenPage',
      'invoke',
      /Paginated queries are supported only in a read-only transaction/u,
    ],
    ['a query that writes', 'WriteInQuery', 'invoke', /evaluated transaction called putState/u],
    ['a query that sets an event', 'EventInQuery', 'invoke', /evaluated transaction set an event/u],
    ['a query that swallows the refusal', 'SwallowViolation', 'invoke', /called putState/u],
    ['a submit transaction run as a query', 'Put', 'evaluate', /called putState/u],
  ];

  it.each(cases)('refuses %s', async (_label, fcn, how, message) => {
    const ledger = new InMemoryLedger({ contracts: [ProbeContract] });
    const args = fcn === 'Put' ? ['k', 'v'] : [];
    const error = await failure(ledger[how](caller, fcn, ...args));
    expect(error).toBeInstanceOf(UnsupportedTransactionError);
    expect(error.message).toMatch(message);
    expect(ledger.state.size).toBe(0);
    expect(ledger.events).toEqual([]);
  });

  it('lets a submitted transaction write when it does not page', async () => {
    const ledger = new InMemoryLedger({ contracts: [ProbeContract] });
    expect(await ledger.submit(caller, 'WriteInQuery')).toBe('written');
  });
});

type InvocationModeName = 'invoke' | 'submit' | 'evaluate';
