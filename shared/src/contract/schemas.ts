/**
 * zod schemas of the contract's typed rows, one per table, built from the
 * same table specs the reader uses. They describe what `readPlan` produces
 * (a row whose cells were all read without an error), so code at the edges (the register's
 * JSON, the pane's cache) can check a row it did not read itself.
 */
import { z } from 'zod';
import type { ColumnSpec, TableName } from './tables';
import { TABLES, getTableSpec } from './tables';

const year = z.number().int().min(1300).max(1599);

function cellSchema(column: ColumnSpec): z.ZodType {
  switch (column.type) {
    case 'id':
      return z.string().min(1);
    case 'ref':
      return column.nonEmpty ? z.string().min(1) : z.string();
    case 'text':
      return z.string();
    case 'refList':
      return z.array(z.string().min(1));
    case 'enum': {
      const values = (column.enumValues ?? []).map((v) => v.value);
      const e = z.enum(values as [string, ...string[]]);
      return column.nonEmpty ? e : e.nullable();
    }
    case 'year':
      return column.nonEmpty ? year : year.nullable();
    case 'money':
      return z.bigint();
    case 'bool':
      return z.boolean();
    case 'int':
    case 'number': {
      let n = column.type === 'int' ? z.number().int() : z.number();
      if (column.min !== undefined) n = n.min(column.min);
      if (column.max !== undefined) n = n.max(column.max);
      return column.nonEmpty ? n : n.nullable();
    }
  }
}

const rowMeta = {
  row: z.number().int().min(1),
  extra: z.record(z.string(), z.unknown()),
};

function buildRowSchema(name: TableName): z.ZodType {
  const spec = getTableSpec(name);
  const shape: Record<string, z.ZodType> = { ...rowMeta };
  for (const c of spec.columns) shape[c.key] = cellSchema(c);
  if (spec.yearColumns === 'money') shape.costs = z.map(year, z.bigint());
  if (spec.yearColumns === 'number') shape.targets = z.map(year, z.number().nullable());
  if (spec.criterionColumns) shape.scores = z.map(z.string(), z.number().nullable());
  if (name === 'tblCriteriaPairwise') shape.comparisons = z.map(z.string(), z.number().nullable());
  return z.object(shape).strict();
}

/** The zod schema of a typed row of every contract table, by table name. */
export const ROW_SCHEMAS: Readonly<Record<TableName, z.ZodType>> = Object.fromEntries(
  TABLES.map((t) => [t.name, buildRowSchema(t.name)]),
) as Record<TableName, z.ZodType>;
