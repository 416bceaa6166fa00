import "server-only";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

// The optional JSON Schema of a webhook trigger's payload (eventConfig.payloadSchema, JSON text).
// Checked on save (a valid draft-07 schema that compiles) and enforced on receipt: a payload that does
// not match is refused with 422 and the violations by JSON path, before anything is stored.
// Ajv is told not to be strict about unknown keywords (schemas pasted from elsewhere carry
// `examples`, vendor extensions, …). The `format`s people expect to be checked (email, date,
// date-time, uri, uuid, …) are enforced with ajv-formats; a format it does not know stays an
// annotation (not strict), as the JSON Schema specification allows.

const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
addFormats(ajv);

/** Violations listed in a 422, at most this many. */
const MAX_VIOLATIONS = 20;

export type TPayloadViolation = { path: string; pointer: string; message: string };

/** Why the schema text is not a usable JSON Schema, or null when it is. */
export function payloadSchemaProblem(text: string): string | null {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch {
    return "The schema is not valid JSON";
  }
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return "Write the schema as a JSON object";
  if (!ajv.validateSchema(schema as object)) return `Not a valid JSON Schema: ${ajv.errorsText(ajv.errors, { dataVar: "schema" })}`;
  try {
    ajv.compile(schema as object);
    return null;
  } catch (error) {
    return `Not a usable JSON Schema: ${(error as Error).message}`;
  }
}

// Compiled validators by schema text (the same text compiles to the same validator).
const validators = new Map<string, ValidateFunction>();
const CACHE_LIMIT = 200;

function validatorFor(text: string): ValidateFunction {
  let validate = validators.get(text);
  if (!validate) {
    validate = ajv.compile(JSON.parse(text) as object);
    if (validators.size >= CACHE_LIMIT) validators.delete(validators.keys().next().value!);
    validators.set(text, validate);
  }
  return validate;
}

/** "/items/0/price" as "$.items[0].price" (JSON Pointer to the JSONPath people read). */
export function jsonPathOf(pointer: string): string {
  if (!pointer) return "$";
  return `$${pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`))
    .join("")}`;
}

function describe(error: ErrorObject): TPayloadViolation {
  // A missing property is reported at its parent; point at the property itself.
  const pointer = error.keyword === "required" ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}` : error.instancePath;
  const message = error.keyword === "required" ? "is required" : error.keyword === "additionalProperties" ? `has an unexpected property "${(error.params as { additionalProperty: string }).additionalProperty}"` : (error.message ?? "is invalid");
  return { path: jsonPathOf(pointer), pointer, message };
}

/** The payload's violations of the schema (empty when it matches, or when there is no schema). */
export function payloadViolations(schemaText: string | undefined, payload: unknown): TPayloadViolation[] {
  if (!schemaText) return [];
  const validate = validatorFor(schemaText);
  if (validate(payload)) return [];
  return (validate.errors ?? []).slice(0, MAX_VIOLATIONS).map(describe);
}
