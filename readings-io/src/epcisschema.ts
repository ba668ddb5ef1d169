import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReadingsFileError } from './readingsfileerror';

/** GS1's single-file EPCIS 2.0 JSON Schema, shipped unmodified (gs1/README.md says whence). */
export const epcisSchemaFile = join(__dirname, '..', 'gs1', 'EPCIS-JSON-Schema.json');

/** Where a document breaks GS1's schema: a JSON path, the schema keyword, and the explanation. */
export interface EpcisSchemaViolation {
  /** `epcisBody.eventList[0].bizStep`; `''` for the document itself. */
  readonly path: string;
  /** The JSON Schema keyword that failed, for example `format`, `enum` or `required`. */
  readonly keyword: string;
  readonly message: string;
}

interface CompiledSchema {
  readonly document: ValidateFunction;
  readonly uri: ValidateFunction;
}

let compiled: CompiledSchema | undefined;

// Compiled on first use (about 70 ms): most runs never read or write EPCIS.
function schema(): CompiledSchema {
  if (compiled === undefined) {
    const root = JSON.parse(readFileSync(epcisSchemaFile, 'utf8')) as { $id: string };
    const ajv = new Ajv();
    addFormats(ajv);
    ajv.addSchema(root);
    compiled = {
      document: ajv.compile({ $ref: root.$id }),
      uri: ajv.compile({ $ref: `${root.$id}#/definitions/uri` }),
    };
  }
  return compiled;
}

function pathOf(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce(
      (path, segment) =>
        /^\d+$/.test(segment)
          ? `${path}[${segment}]`
          : path === ''
            ? segment
            : `${path}.${segment}`,
      '',
    );
}

// Combinators only say that something beneath them failed; the leaf errors say what.
const combinators = new Set(['if', 'then', 'else', 'anyOf', 'oneOf', 'allOf', 'not']);

function propertyNameOf(error: ErrorObject): string | undefined {
  const property = (error.params as { propertyName?: unknown }).propertyName;
  return typeof property === 'string' ? property : undefined;
}

function explain(error: ErrorObject): string {
  const property = propertyNameOf(error);
  return property !== undefined
    ? `property '${property}' is not allowed here`
    : (error.message ?? error.keyword);
}

/** The most specific failure: the deepest path, its leaf keywords as alternatives. */
function violationOf(errors: readonly ErrorObject[]): EpcisSchemaViolation {
  const depth = (error: ErrorObject): number => error.instancePath.split('/').length;
  const deepest = errors.reduce((max, error) => Math.max(max, depth(error)), 0);
  const atDeepest = errors.filter((error) => depth(error) === deepest);
  // A property the object may not have explains the anyOf of name patterns that refused it.
  const properties = atDeepest.filter((error) => propertyNameOf(error) !== undefined);
  const leaves = atDeepest.filter((error) => !combinators.has(error.keyword));
  const chosen = properties.length > 0 ? properties : leaves.length > 0 ? leaves : atDeepest;
  const first = chosen[0] ?? errors[0];
  const alternatives = [...new Set(chosen.map(explain))];
  return {
    path: pathOf(first?.instancePath ?? ''),
    keyword: first?.keyword ?? 'schema',
    message: `${alternatives.join('; or ')} (GS1 EPCIS 2.0 schema ${first?.schemaPath ?? ''})`,
  };
}

/** Where `document` breaks GS1's EPCIS 2.0 JSON Schema, or undefined when it is valid. */
export function epcisSchemaViolation(document: unknown): EpcisSchemaViolation | undefined {
  const validate = schema().document;
  if (validate(document)) {
    return undefined;
  }
  return violationOf(validate.errors ?? []);
}

/**
 * Refuses a document that GS1's EPCIS 2.0 JSON Schema refuses.
 * @throws {@link ReadingsFileError} naming the path and the schema rule broken.
 */
export function checkEpcisSchema(document: unknown): void {
  const violation = epcisSchemaViolation(document);
  if (violation !== undefined) {
    const where = violation.path === '' ? 'the document' : violation.path;
    throw new ReadingsFileError({
      message: `${where}: ${violation.message}`,
      field: violation.path === '' ? 'document' : violation.path,
      rule: `epcis-schema-${violation.keyword}`,
    });
  }
}

/** True if the schema takes `value` where it wants a URI (`deviceID`, `epcClass`, ...). */
export function isEpcisUri(value: string): boolean {
  return schema().uri(value);
}
