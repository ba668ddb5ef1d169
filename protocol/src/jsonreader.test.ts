import { parseErrorEnvelope } from './errorenvelope';
import { JsonReader } from './jsonreader';
import { JsonShapeError } from './jsonshapeerror';

function shapeError(read: () => unknown): JsonShapeError {
  try {
    read();
  } catch (error) {
    if (error instanceof JsonShapeError) {
      return error;
    }
  }
  throw new Error('expected a JsonShapeError');
}

describe('JsonReader', () => {
  it('names the field path and rule of a failure', () => {
    const json = JsonReader.parse('{"readings":[{"value":"x"}]}', 'batchJson');
    const error = shapeError(() => json.field('readings').items()[0]?.field('value').asNumber());
    expect(error).toMatchObject({ field: 'batchJson.readings[0].value', rule: 'type' });
  });

  it('tells required, nullable and optional fields apart', () => {
    const json = new JsonReader({ a: null, b: 1 }, 'x');
    expect(json.nullableInteger('a')).toBeNull();
    expect(json.optional('a')).toBeUndefined();
    expect(shapeError(() => json.field('a'))).toMatchObject({ field: 'x.a', rule: 'required' });
    expect(shapeError(() => json.nullable('c'))).toMatchObject({ rule: 'required' });
  });

  it('rejects unknown fields, unsafe integers and oversized input', () => {
    expect(shapeError(() => new JsonReader({ a: 1, z: 2 }, 'x').object(['a']))).toMatchObject({
      field: 'x.z',
      rule: 'unknown-field',
    });
    expect(shapeError(() => new JsonReader(2 ** 53, 'n').asInteger())).toMatchObject({
      rule: 'range',
    });
    expect(shapeError(() => new JsonReader(1.5, 'n').asInteger())).toMatchObject({
      rule: 'integer',
    });
    expect(shapeError(() => JsonReader.parse('"abcdef"', 't', 4))).toMatchObject({
      rule: 'max-size',
    });
  });
});

describe('parseErrorEnvelope', () => {
  it('finds the envelope in wrapped text and ignores unknown codes', () => {
    const text = 'chaincode response 500, {"code":"NOT_FOUND","message":"m {x}","field":"f"} end';
    expect(parseErrorEnvelope(text)).toEqual({ code: 'NOT_FOUND', message: 'm {x}', field: 'f' });
    expect(parseErrorEnvelope('{"code":"SOMETHING_ELSE","message":"m"}')).toBeUndefined();
    expect(parseErrorEnvelope('no json')).toBeUndefined();
  });
});
