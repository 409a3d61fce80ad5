/**
 * A tiny JSON Schema (2020-12 subset) checker for our published schema, so tests can prove exports
 * validate without an npm dependency. Supports: type (incl. integer), const, enum, required,
 * properties, additionalProperties (false or a schema), items, minLength, minimum, maximum, $ref "#/$defs/…",
 * format "date-time", and type lists such as ["number", "null"]. Throws on any other keyword so the schema cannot silently outgrow it.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  "$schema",
  "$id",
  "title",
  "description",
  "$defs",
  "type",
  "const",
  "enum",
  "required",
  "properties",
  "additionalProperties",
  "items",
  "minLength",
  "minimum",
  "maximum",
  "$ref",
  "format",
]);

const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

export function validateJsonSchema(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const visit = (schema: Schema, v: unknown, at: string): void => {
    for (const key of Object.keys(schema)) {
      if (!KNOWN.has(key)) throw new Error(`mini-json-schema: unsupported keyword ${key}`);
    }
    if (typeof schema["$ref"] === "string") {
      const name = (schema["$ref"] as string).replace("#/$defs/", "");
      visit((root["$defs"] as Record<string, Schema>)[name]!, v, at);
      return;
    }
    if ("const" in schema && v !== schema["const"])
      errors.push(`${at}: must be ${String(schema["const"])}`);
    if (Array.isArray(schema["enum"]) && !schema["enum"].includes(v))
      errors.push(`${at}: not in enum`);
    const type = schema["type"];
    if (type === "integer") {
      if (!Number.isInteger(v)) errors.push(`${at}: must be integer`);
    } else if (typeof type === "string" && typeOf(v) !== type) {
      errors.push(`${at}: must be ${type}`);
      return;
    } else if (Array.isArray(type) && !type.includes(typeOf(v))) {
      errors.push(`${at}: must be one of ${type.join(", ")}`);
      return;
    }
    if (typeof v === "string") {
      if (typeof schema["minLength"] === "number" && [...v].length < schema["minLength"])
        errors.push(`${at}: too short`);
      if (schema["format"] === "date-time" && !DATE_TIME_RE.test(v))
        errors.push(`${at}: not date-time`);
    }
    if (typeof v === "number" && typeof schema["minimum"] === "number" && v < schema["minimum"]) {
      errors.push(`${at}: below minimum`);
    }
    if (typeof v === "number" && typeof schema["maximum"] === "number" && v > schema["maximum"]) {
      errors.push(`${at}: above maximum`);
    }
    if (Array.isArray(v) && schema["items"]) {
      v.forEach((item, i) => visit(schema["items"] as Schema, item, `${at}[${i}]`));
    }
    if (typeOf(v) === "object") {
      const obj = v as Record<string, unknown>;
      const props = (schema["properties"] ?? {}) as Record<string, Schema>;
      for (const req of (schema["required"] ?? []) as string[]) {
        if (!(req in obj)) errors.push(`${at}: missing ${req}`);
      }
      for (const [key, child] of Object.entries(obj)) {
        const extra = schema["additionalProperties"];
        if (Object.hasOwn(props, key)) visit(props[key]!, child, `${at}.${key}`);
        else if (extra === false) errors.push(`${at}: unexpected ${key}`);
        else if (typeof extra === "object" && extra !== null)
          visit(extra as Schema, child, `${at}.${key}`);
      }
    }
  };
  visit(root, value, "$");
  return errors;
}
