import { common, ledger, msp, peer } from '@hyperledger/fabric-protos';
import { validationCodeName } from './commitstatus';
import type { EndorsementInput } from './endorsementcheck';

/** One key written by a transaction, as recorded in its read-write set. */
export interface StateWrite {
  readonly namespace: string;
  readonly key: string;
  readonly isDelete: boolean;
  readonly value: Uint8Array;
}

/** One chaincode invocation inside a transaction, with what its endorsers signed. */
export interface ChaincodeActionRecord {
  readonly chaincodeName: string;
  readonly proposalResponsePayload: Uint8Array;
  readonly endorsements: readonly EndorsementInput[];
  readonly writes: readonly StateWrite[];
  readonly eventName?: string;
}

/** A transaction as stored in a block, with the validation code the committing peers gave it. */
export interface LedgerTransaction {
  readonly index: number;
  readonly transactionId: string;
  readonly channelId: string;
  /** Header type: 1 config, 3 endorser transaction. */
  readonly type: number;
  readonly timestampMs: number;
  readonly validationCode: number;
  readonly validationCodeName: string;
  readonly creatorMspId: string;
  readonly actions: readonly ChaincodeActionRecord[];
}

/** A block header, its data and the position of the configuration that governs it. */
export interface LedgerBlock {
  readonly number: bigint;
  readonly previousHash: Uint8Array;
  readonly dataHash: Uint8Array;
  readonly data: readonly Uint8Array[];
  /** Number of the last configuration block at the time this block was cut. */
  readonly lastConfigBlock: bigint | undefined;
  readonly transactionFilter: Uint8Array;
}

const endorserTransaction = 3;

export function decodeBlockBytes(bytes: Uint8Array): LedgerBlock {
  return decodeBlock(common.Block.deserializeBinary(bytes));
}

function lastConfigOf(metadata: readonly Uint8Array[]): bigint | undefined {
  const signatures = metadata[common.BlockMetadataIndex.SIGNATURES];
  if (signatures !== undefined && signatures.length > 0) {
    const value = common.Metadata.deserializeBinary(signatures).getValue_asU8();
    const ordererMetadata = common.OrdererBlockMetadata.deserializeBinary(value);
    const lastConfig = ordererMetadata.getLastConfig();
    if (lastConfig !== undefined) {
      return BigInt(lastConfig.getIndex());
    }
  }
  const legacy = metadata[common.BlockMetadataIndex.LAST_CONFIG];
  if (legacy !== undefined && legacy.length > 0) {
    const value = common.Metadata.deserializeBinary(legacy).getValue_asU8();
    return BigInt(common.LastConfig.deserializeBinary(value).getIndex());
  }
  return undefined;
}

export function decodeBlock(block: common.Block): LedgerBlock {
  const header = block.getHeader();
  const metadata = block.getMetadata()?.getMetadataList_asU8() ?? [];
  return {
    number: BigInt(header?.getNumber() ?? 0),
    previousHash: header?.getPreviousHash_asU8() ?? new Uint8Array(),
    dataHash: header?.getDataHash_asU8() ?? new Uint8Array(),
    data: block.getData()?.getDataList_asU8() ?? [],
    lastConfigBlock: lastConfigOf(metadata),
    transactionFilter: metadata[common.BlockMetadataIndex.TRANSACTIONS_FILTER] ?? new Uint8Array(),
  };
}

function writesOf(results: Uint8Array): StateWrite[] {
  const rwset = ledger.rwset.TxReadWriteSet.deserializeBinary(results);
  return rwset.getNsRwsetList().flatMap((ns) => {
    const kv = ledger.rwset.kvrwset.KVRWSet.deserializeBinary(ns.getRwset_asU8());
    return kv.getWritesList().map((write) => ({
      namespace: ns.getNamespace(),
      key: write.getKey(),
      isDelete: write.getIsDelete(),
      value: write.getValue_asU8(),
    }));
  });
}

function actionOf(action: peer.TransactionAction): ChaincodeActionRecord {
  const payload = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8());
  const endorsed = payload.getAction();
  const proposalResponsePayload = endorsed?.getProposalResponsePayload_asU8() ?? new Uint8Array();
  const response = peer.ProposalResponsePayload.deserializeBinary(proposalResponsePayload);
  const chaincodeAction = peer.ChaincodeAction.deserializeBinary(response.getExtension_asU8());
  const events = chaincodeAction.getEvents_asU8();
  const eventName =
    events.length > 0 ? peer.ChaincodeEvent.deserializeBinary(events).getEventName() : undefined;
  return {
    chaincodeName: chaincodeAction.getChaincodeId()?.getName() ?? '',
    proposalResponsePayload,
    endorsements: (endorsed?.getEndorsementsList() ?? []).map((endorsement) => ({
      endorser: endorsement.getEndorser_asU8(),
      signature: endorsement.getSignature_asU8(),
    })),
    writes: writesOf(chaincodeAction.getResults_asU8()),
    ...(eventName !== undefined && eventName !== '' ? { eventName } : {}),
  };
}

/**
 * Decodes the transaction at `index` of a block. Only endorser transactions have actions; a
 * configuration transaction is returned with none.
 */
export function decodeTransaction(block: LedgerBlock, index: number): LedgerTransaction {
  const envelopeBytes = block.data[index];
  if (envelopeBytes === undefined) {
    throw new RangeError(`block ${block.number} has no transaction ${index}`);
  }
  const envelope = common.Envelope.deserializeBinary(envelopeBytes);
  const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
  const header = payload.getHeader();
  const channelHeader = common.ChannelHeader.deserializeBinary(
    header?.getChannelHeader_asU8() ?? new Uint8Array(),
  );
  const signatureHeader = common.SignatureHeader.deserializeBinary(
    header?.getSignatureHeader_asU8() ?? new Uint8Array(),
  );
  const creator = signatureHeader.getCreator_asU8();
  const creatorMspId = creator.length > 0 ? mspOf(creator) : '';
  const type = channelHeader.getType();
  const actions =
    type === endorserTransaction
      ? peer.Transaction.deserializeBinary(payload.getData_asU8()).getActionsList().map(actionOf)
      : [];
  // google-protobuf's Timestamp typings are not a dependency; only these two getters are used.
  const timestamp = channelHeader.getTimestamp() as unknown as
    { getSeconds(): number; getNanos(): number } | undefined;
  const validationCode = block.transactionFilter[index] ?? 255;
  return {
    index,
    transactionId: channelHeader.getTxId(),
    channelId: channelHeader.getChannelId(),
    type,
    timestampMs:
      timestamp !== undefined
        ? timestamp.getSeconds() * 1000 + Math.floor(timestamp.getNanos() / 1e6)
        : 0,
    validationCode,
    validationCodeName: validationCodeName(validationCode),
    creatorMspId,
    actions,
  };
}

function mspOf(serializedIdentity: Uint8Array): string {
  return msp.SerializedIdentity.deserializeBinary(serializedIdentity).getMspid();
}

/** Index of a transaction in a block, or -1. */
export function transactionIndex(block: LedgerBlock, transactionId: string): number {
  return block.data.findIndex((_, index) => transactionIdAt(block, index) === transactionId);
}

/** Id of the transaction at `index` of a block; undefined past its end or if undecodable. */
export function transactionIdAt(block: LedgerBlock, index: number): string | undefined {
  const envelopeBytes = block.data[index];
  if (envelopeBytes === undefined) {
    return undefined;
  }
  try {
    const envelope = common.Envelope.deserializeBinary(envelopeBytes);
    const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
    return common.ChannelHeader.deserializeBinary(
      payload.getHeader()?.getChannelHeader_asU8() ?? new Uint8Array(),
    ).getTxId();
  } catch {
    return undefined;
  }
}

/** Where a transaction sits on the ledger: its block and its index in that block. */
export interface LedgerPosition {
  readonly blockNumber: bigint;
  readonly index: number;
}

/** Negative when `a` comes before `b` on the ledger. */
export function ledgerOrder(a: LedgerPosition, b: LedgerPosition): number {
  return a.blockNumber === b.blockNumber
    ? a.index - b.index
    : a.blockNumber < b.blockNumber
      ? -1
      : 1;
}
