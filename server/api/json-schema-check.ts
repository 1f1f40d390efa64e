import "server-only";
// A small JSON Schema (2020-12 subset) checker: enough to confirm that live API answers match
// the OpenAPI document built from the zod schemas, without a validator dependency. It covers
// what zod emits for our schemas: $ref, type (incl. arrays and "integer"), const, enum,
// properties/required/additionalProperties, items, anyOf/oneOf/allOf, numeric bounds,
// minLength/maxLength, pattern and the date/date-time formats.
type Schema = Record<string, unknown>;

export function checkJsonSchema(value: unknown, schema: unknown, root: Schema, path = "$"): string[] {
  if (schema === true || schema === undefined) return [];
  if (schema === false) return [`${path}: not allowed`];
  const s = schema as Schema;
  if (typeof s.$ref === "string") {
    const target = s.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((node, part) => (node as Schema | undefined)?.[part], root);
    if (target === undefined) return [`${path}: unresolved ${s.$ref}`];
    return checkJsonSchema(value, target, root, path);
  }
  const errors: string[] = [];
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => isType(value, t))) return [`${path}: expected ${types.join("|")}, got ${describe(value)}`];
  }
  if ("const" in s && JSON.stringify(s.const) !== JSON.stringify(value)) errors.push(`${path}: expected ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) errors.push(`${path}: not one of ${JSON.stringify(s.enum)}`);
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => checkJsonSchema(value, sub, root, path).length === 0)) errors.push(`${path}: matches none of anyOf`);
  if (Array.isArray(s.oneOf) && s.oneOf.filter((sub) => checkJsonSchema(value, sub, root, path).length === 0).length !== 1) errors.push(`${path}: must match exactly one of oneOf`);
  if (Array.isArray(s.allOf)) for (const sub of s.allOf) errors.push(...checkJsonSchema(value, sub, root, path));
  if (typeof value === "number") {
    if (typeof s.minimum === "number" && value < s.minimum) errors.push(`${path}: below minimum ${s.minimum}`);
    if (typeof s.maximum === "number" && value > s.maximum) errors.push(`${path}: above maximum ${s.maximum}`);
  }
  if (typeof value === "string") {
    if (typeof s.minLength === "number" && value.length < s.minLength) errors.push(`${path}: shorter than ${s.minLength}`);
    if (typeof s.maxLength === "number" && value.length > s.maxLength) errors.push(`${path}: longer than ${s.maxLength}`);
    if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(value)) errors.push(`${path}: does not match ${s.pattern}`);
    if (s.format === "date-time" && (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value)))) {
      errors.push(`${path}: not an ISO-8601 date-time`);
    }
    if (s.format === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors.push(`${path}: not a YYYY-MM-DD date`);
  }
  if (Array.isArray(value) && s.items !== undefined) value.forEach((v, i) => errors.push(...checkJsonSchema(v, s.items, root, `${path}[${i}]`)));
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Schema;
    for (const r of (s.required as string[] | undefined) ?? []) if (!(r in obj)) errors.push(`${path}.${r}: required`);
    for (const [k, v] of Object.entries(obj)) {
      if (k in props) errors.push(...checkJsonSchema(v, props[k], root, `${path}.${k}`));
      else if (s.additionalProperties === false) errors.push(`${path}.${k}: not in the schema`);
      else if (s.additionalProperties && typeof s.additionalProperties === "object") errors.push(...checkJsonSchema(v, s.additionalProperties, root, `${path}.${k}`));
    }
  }
  return errors;
}

function isType(v: unknown, t: string): boolean {
  switch (t) {
    case "null":
      return v === null;
    case "integer":
      return typeof v === "number" && Number.isInteger(v);
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "array":
      return Array.isArray(v);
    case "object":
      return v !== null && typeof v === "object" && !Array.isArray(v);
    default:
      return typeof v === t;
  }
}

const describe = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
