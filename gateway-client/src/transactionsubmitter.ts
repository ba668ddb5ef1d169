import type { TransactionDefinition } from '@coldtrace/protocol';
import type { Contract } from '@hyperledger/fabric-gateway';
import { type CommitStatus, validationCodeName } from './commitstatus';
import { CommitError } from './coldtraceerror';
import { toColdtraceError } from './errormapping';
import { readResult } from './responsereader';

/** A transaction accepted by the orderer whose commit status is still to be learnt. */
export interface PendingTransaction {
  readonly transactionId: string;
  /** Chaincode result from endorsement; meaningful only once the commit status is VALID. */
  readonly result: Uint8Array;
  /**
   * Waits for the commit status.
   * @throws {@link EndorsementError} if the status could not be obtained (retryable when the
   * peer was unavailable; the transaction may still commit).
   */
  getStatus(): Promise<CommitStatus>;
}

/**
 * The one seam between coldtrace's domain code and fabric-gateway: evaluate a query, or submit a
 * transaction and obtain its commit status separately. Tests replace this with a fake.
 */
export interface TransactionSubmitter {
  /**
   * @throws {@link ColdtraceError} subclass mapped from the chaincode or gateway error.
   */
  evaluate(transactionName: string, args: readonly string[]): Promise<Uint8Array>;
  /**
   * Endorses and sends to the orderer; does not wait for commit.
   * @throws {@link ColdtraceError} subclass mapped from the chaincode or gateway error.
   */
  submit(transactionName: string, args: readonly string[]): Promise<PendingTransaction>;
}

/** Options for evaluating on particular organisations' peers (for example the auditor's own). */
export interface ContractSubmitterOptions {
  readonly evaluateOn?: readonly string[];
}

/** {@link TransactionSubmitter} over a fabric-gateway {@link Contract}. */
export function newContractSubmitter(
  contract: Contract,
  options: Readonly<ContractSubmitterOptions> = {},
): TransactionSubmitter {
  const endorsing =
    options.evaluateOn !== undefined ? { endorsingOrganizations: [...options.evaluateOn] } : {};
  return {
    async evaluate(transactionName, args) {
      try {
        return await contract.evaluate(transactionName, { arguments: [...args], ...endorsing });
      } catch (err) {
        throw toColdtraceError(err);
      }
    },
    async submit(transactionName, args) {
      let submitted;
      try {
        submitted = await contract.submitAsync(transactionName, { arguments: [...args] });
      } catch (err) {
        throw toColdtraceError(err);
      }
      const transactionId = submitted.getTransactionId();
      return {
        transactionId,
        result: submitted.getResult(),
        async getStatus() {
          try {
            const status = await submitted.getStatus();
            return {
              transactionId,
              blockNumber: status.blockNumber,
              code: status.code,
              codeName: validationCodeName(status.code),
              successful: status.successful,
            };
          } catch (err) {
            throw toColdtraceError(err, transactionId);
          }
        },
      };
    },
  };
}

/**
 * Submits a transaction and returns its result only once it committed VALID.
 * @throws {@link CommitError} if it committed with another validation code.
 * @throws {@link ColdtraceError} subclass mapped from the chaincode or gateway error.
 */
export async function submitAndCommit(
  submitter: TransactionSubmitter,
  transactionName: string,
  args: readonly string[],
): Promise<Uint8Array> {
  const pending = await submitter.submit(transactionName, args);
  const status = await pending.getStatus();
  if (!status.successful) {
    throw new CommitError({
      message: `${transactionName} transaction ${status.transactionId} committed as ${status.codeName}`,
      transactionId: status.transactionId,
      validationCode: status.codeName,
      blockNumber: status.blockNumber,
    });
  }
  return pending.result;
}

/** Argument values of a transaction of the protocol's table, one string per argument. */
export type ArgumentValues<Args extends readonly string[]> = { readonly [K in keyof Args]: string };

/**
 * Evaluates a query of the protocol's transaction table and reads its result.
 * @throws {@link InvalidResponseError} if the result is not the documented type.
 * @throws {@link ColdtraceError} subclass mapped from the chaincode or gateway error.
 */
export async function evaluateTransaction<Args extends readonly string[], Result>(
  submitter: TransactionSubmitter,
  transaction: TransactionDefinition<Args, Result>,
  args: ArgumentValues<Args>,
): Promise<Result> {
  return readResult(
    transaction,
    await submitter.evaluate(transaction.name, args as readonly string[]),
  );
}

/**
 * Submits a transaction of the protocol's table, waits for it to commit VALID and reads its result.
 * @throws {@link CommitError} if it committed with another validation code.
 * @throws {@link InvalidResponseError} if the result is not the documented type.
 * @throws {@link ColdtraceError} subclass mapped from the chaincode or gateway error.
 */
export async function submitTransaction<Args extends readonly string[], Result>(
  submitter: TransactionSubmitter,
  transaction: TransactionDefinition<Args, Result>,
  args: ArgumentValues<Args>,
): Promise<Result> {
  const bytes = await submitAndCommit(submitter, transaction.name, args);
  return readResult(transaction, bytes);
}
