import type { JsonReader } from './jsonreader';

/** The identity that submitted a transaction, as recorded in state. */
export interface Actor {
  readonly mspId: string;
  /** `ClientIdentity.getID()`: subject and issuer of the certificate. */
  readonly id: string;
  readonly role: string;
}

export function readActor(json: JsonReader): Actor {
  return { mspId: json.string('mspId'), id: json.string('id'), role: json.string('role') };
}
