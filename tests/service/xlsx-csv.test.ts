import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPlan } from '#core';
import { decodeCsvBytes, detectDelimiter, readCsvTable } from '../../io';

const csvDir = join(__dirname, '..', 'fixtures', 'csv');

describe('reading one table from a CSV file saved by a Persian user', () => {
  const text = decodeCsvBytes(new Uint8Array(readFileSync(join(csvDir, 'projects-fa.csv'))));

  it('drops the byte-order mark and keeps Persian headers and digits as typed', () => {
    const r = readCsvTable(text, 'tblProjects');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.header[0]).toBe('شناسه پروژه');
    expect(r.table.rows[0]).toEqual([
      'P-1',
      'PG1',
      'پل عابر پیاده',
      '۱۴۰۵',
      '۱۴۰۶',
      '۴۰۰٬۰۰۰',
      '۱۰۰٬۰۰۰',
      'SRC1',
      'خیر',
      '۸',
      '۲',
    ]);
    expect(r.table).toMatchObject({ name: 'tblProjects', address: 'A1' });
  });

  it('reads as a plan: captions to keys, Persian digits and separators to numbers', () => {
    const r = readCsvTable(text, 'tblProjects');
    if (!r.ok) throw new Error('unreadable');
    const { plan, findings } = readPlan({ tables: [r.table] });
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([
      'PLAN_INFO_MISSING',
    ]);
    const p1 = plan.tables.tblProjects?.rows[0];
    expect(p1?.StartYear).toBe(1405);
    // ۴۰۰٬۰۰۰ is 400,000 Rials.
    expect(p1?.costs.get(1405)).toBe(400_000n);
    expect(p1?.Mandatory).toBe(false);
  });
});

describe('CSV variants people produce', () => {
  it('finds the delimiter: comma, semicolon (European Excel), tab, Persian comma', () => {
    expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(detectDelimiter('الف،ب\n۱،۲')).toBe('\u060c');
    // Commas inside quotes do not count.
    expect(detectDelimiter('"a,b,c";d;e\n')).toBe(';');
  });

  it('keeps quoted commas and line breaks inside a cell, and reads blank cells as empty', () => {
    const r = readCsvTable('Text,Sector\r\n"line one\nline two, still",\r\n', 'tblDirectives');
    expect(r.ok && r.table.rows).toEqual([['line one\nline two, still', null]]);
  });

  it('decodes a Windows-1256 file (Excel "CSV (Comma delimited)" on Persian Windows)', () => {
    // «سال» in Windows-1256: س = 0xD3, ا = 0xC7, ل = 0xE1.
    expect(decodeCsvBytes(new Uint8Array([0xd3, 0xc7, 0xe1]))).toBe('سال');
  });

  it('refuses an empty file, a file with only blank lines and an unclosed quote', () => {
    expect(readCsvTable('', 'tblGoals')).toMatchObject({ ok: false, error: { code: 'CSV_EMPTY' } });
    expect(readCsvTable('\ufeff\n\n', 'tblGoals')).toMatchObject({
      ok: false,
      error: { code: 'CSV_EMPTY' },
    });
    expect(readCsvTable('GoalId,Title\nG1,"open', 'tblGoals')).toMatchObject({
      ok: false,
      error: { code: 'CSV_UNREADABLE' },
    });
  });

  it('refuses text above the size limit', () => {
    expect(readCsvTable('a,b\n1,2\n', 't', { maxBytes: 4 })).toMatchObject({
      ok: false,
      error: { code: 'FILE_TOO_LARGE' },
    });
  });
});
