/**
 * A JSON value that does not have the shape the contract documents. `field` is its path
 * (`readings[3].value`), `rule` the rule it broke (`finite`). The chaincode reports it as a
 * `VALIDATION_FAILED` envelope, the client as an invalid response or invalid input.
 */
export class JsonShapeError extends Error {
  override readonly name = 'JsonShapeError';
  readonly field: string;
  readonly rule: string;

  constructor(field: string, rule: string, message: string) {
    super(message);
    this.field = field;
    this.rule = rule;
  }
}
