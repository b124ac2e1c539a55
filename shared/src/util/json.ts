/**
 * JSON values and canonical JSON: the one serialisation that version hashes, the audit hash
 * chain and version diffs compare over (PostgreSQL's `jsonb` reorders object keys; canonical
 * JSON sorts them).
 */

/** A JSON value as stored in a `Json` column. Money is never a number here: exact strings. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/**
 * An empty record without a prototype, for objects keyed by names that come from a workbook
 * (tables, columns, `tblPlanInfo` keys): `__proto__`, `constructor`, `toString` are then its
 * own keys like any other, never the prototype or an inherited member (issue #12, item 5).
 */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A record's own member, or undefined: never an inherited one (`toString`, `constructor`). */
export function ownMember<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Serialises a JSON value with object keys sorted (by UTF-16 code units, as
 * `Array.prototype.sort` orders them) and no whitespace; `undefined` object members are left
 * out, as `JSON.stringify` does. Throws on a bigint, a non-finite number or any non-JSON value:
 * those are bugs of the caller (money goes into JSON as a decimal string).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null)
        throw new TypeError('canonicalJson: only plain objects, arrays and primitives');
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(
        `canonicalJson: a ${typeof value} is not JSON (money goes in as a string)`,
      );
  }
}
