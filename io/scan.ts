/**
 * What the sheets of a workbook would cost a parser, measured with a streaming XML tokenizer
 * (saxes) before exceljs sees them: rows, cells, and the text the cells expand to.
 *
 * Why a tokenizer and not a byte search: XML allows any white space between a tag's name and
 * its attributes (XML 1.0 §3.1), so `<c\nr="A1">` is a cell that a search for `<c ` misses.
 *
 * Why text is budgeted by reference: a cell of type `s` names an entry of the shared-string
 * table (ECMA-376 Part 1, §18.4), and any number of cells may name the same entry. A 79 KB
 * file whose one 60,000,000-character string is named by 8 cells unpacks to 60 MB, within the
 * unpacked limit, yet every copy of those cells downstream (JSON, hashes, the database) holds
 * 480 MB. Counting each reference bounds what the rest of the register builds.
 *
 * Text is counted as written in the file, in UTF-16 units: a character written as `&#1605;`
 * counts 7. That is an upper bound of what the parser builds (an entity is never shorter
 * than what it stands for) and needs no copy of the text: the tokenizer is run without a text
 * handler, which keeps it from accumulating text, and lengths come from its positions. The
 * only text read is a shared-string cell's index, at most `MAX_INDEX_LENGTH` characters.
 * Memory: the tokenizer's chunk, and one number per shared string.
 */
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';

/** Limits of what the sheets may hold. */
export interface SheetLimits {
  /** Most `<row>` elements in all worksheets together. */
  maxRows: number;
  /** Most `<c>` (cell) elements in all worksheets together; also the most shared strings. */
  maxCells: number;
  /**
   * Most characters of cell text, in all worksheets together, a shared string counted once
   * per cell that names it; the shared-string table's own text is bounded by it too.
   */
  maxText: number;
}

/** Why a part was refused. */
export type SheetProblem =
  | 'too-many-rows'
  | 'too-many-cells'
  | 'too-many-strings'
  | 'too-much-text'
  | 'doctype'
  | 'malformed';

/** Running totals over the parts of one workbook. */
export interface SheetTotals {
  rows: number;
  cells: number;
  /** Cell text, shared strings counted per reference. */
  text: number;
  /** Text of the shared-string table itself. */
  sharedText: number;
}

/** A shared-string index longer than this is not an index (2^32 has 10 digits). */
const MAX_INDEX_LENGTH = 16;
/** Room for a closing tag (`</x:t  >`) that a chunk may end inside of, while text is measured. */
const CLOSE_TAG_SLACK = 16;

/** The local name of a tag (`x:c` → `c`; SpreadsheetML may be written with a prefix). */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** A growable list of shared-string lengths (one 32-bit number each). */
class Lengths {
  private values = new Uint32Array(1024);
  size = 0;
  push(n: number): void {
    if (this.size === this.values.length) {
      const next = new Uint32Array(this.values.length * 2);
      next.set(this.values);
      this.values = next;
    }
    this.values[this.size++] = Math.min(n, 0xffffffff);
  }
  at(i: number): number {
    return i >= 0 && i < this.size ? (this.values[i] ?? 0) : 0;
  }
}

/**
 * Counts one XML part as it is inflated: `feed` each chunk of bytes, then `end`. The shared
 * strings part must be fed before the worksheets that name its entries.
 */
export class SheetScanner {
  readonly totals: SheetTotals = { rows: 0, cells: 0, text: 0, sharedText: 0 };
  private readonly strings = new Lengths();
  problem: SheetProblem | null = null;
  /** The tokenizer's message when `problem` is `malformed` (with line and column). */
  detail = '';

  constructor(private readonly limits: SheetLimits) {}

  /** A scanner of one part (`kind`: which counting applies). */
  part(kind: 'worksheet' | 'sharedStrings'): PartScanner {
    return new PartScanner(this, kind);
  }

  /** @internal */ sharedLength(index: number): number {
    return this.strings.at(index);
  }
  /** @internal */ addShared(length: number): void {
    this.strings.push(length);
    this.totals.sharedText += length;
    if (this.strings.size > this.limits.maxCells) this.fail('too-many-strings');
    else if (this.totals.sharedText > this.limits.maxText) this.fail('too-much-text');
  }
  /** @internal */ addRow(): void {
    if (++this.totals.rows > this.limits.maxRows) this.fail('too-many-rows');
  }
  /** @internal */ addCell(): void {
    if (++this.totals.cells > this.limits.maxCells) this.fail('too-many-cells');
  }
  /** @internal */ addText(length: number): void {
    this.totals.text += length;
    if (this.totals.text > this.limits.maxText) this.fail('too-much-text');
  }
  /** @internal */ textLeft(): number {
    return this.limits.maxText - this.totals.text;
  }
  /** @internal */ sharedLeft(): number {
    return this.limits.maxText - this.totals.sharedText;
  }
  /** @internal */ fail(problem: SheetProblem, detail = ''): void {
    if (this.problem !== null) return;
    this.problem = problem;
    this.detail = detail;
  }
}

/** The tokenizer over one part. */
export class PartScanner {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({
    xmlns: false,
    position: true,
  });
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });
  /** Type (`t` attribute) of the cell being read, or null outside a cell. */
  private cellType: string | null = null;
  /** Where the text of the element being measured starts, or -1. */
  private textStart = -1;
  /** Length of the shared string being read (its runs summed). */
  private sharedLength = 0;
  /** The index text of a shared-string cell, while inside its `<v>`. */
  private index: string | null = null;
  private indexStart = -1;
  /** Characters written to the parser so far. */
  private written = 0;

  constructor(
    private readonly scan: SheetScanner,
    private readonly kind: 'worksheet' | 'sharedStrings',
  ) {
    const p = this.parser;
    p.on('doctype', () => scan.fail('doctype'));
    p.on('opentag', (tag) => this.open(tag));
    p.on('closetag', (tag) => this.close(tag));
  }

  private open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    if (this.kind === 'sharedStrings') {
      if (name === 'si') {
        this.sharedLength = 0;
        if (tag.isSelfClosing) this.scan.addShared(0); // an empty string still takes an index
      } else if (name === 't' && !tag.isSelfClosing) this.textStart = this.parser.position;
      return;
    }
    switch (name) {
      case 'row':
        this.scan.addRow();
        break;
      case 'c': {
        this.scan.addCell();
        const t = tag.attributes.t;
        this.cellType = typeof t === 'string' ? t : 'n';
        break;
      }
      case 'v':
        if (tag.isSelfClosing) break;
        if (this.cellType === 's') {
          this.index = '';
          this.indexStart = this.parser.position;
          this.parser.on('text', (text) => {
            if (this.index !== null) this.index += text;
          });
        } else this.textStart = this.parser.position;
        break;
      case 't':
      case 'f':
        if (!tag.isSelfClosing) this.textStart = this.parser.position;
        break;
      default:
    }
  }

  /** Characters written between the end of the open tag and the start of `</name>`. */
  private measured(tag: SaxesTagPlain): number {
    const length = this.parser.position - this.textStart - (tag.name.length + 3);
    this.textStart = -1;
    return Math.max(0, length);
  }

  private close(tag: SaxesTagPlain): void {
    if (tag.isSelfClosing) return;
    const name = localName(tag.name);
    if (this.kind === 'sharedStrings') {
      if (name === 't' && this.textStart >= 0) this.sharedLength += this.measured(tag);
      else if (name === 'si') this.scan.addShared(this.sharedLength);
      return;
    }
    if (name === 'v' && this.index !== null) {
      this.parser.off('text');
      const text = this.index.trim();
      this.index = null;
      const i = /^\d+$/.test(text) ? Number(text) : -1;
      this.scan.addText(this.scan.sharedLength(i));
    } else if ((name === 'v' || name === 't' || name === 'f') && this.textStart >= 0)
      this.scan.addText(this.measured(tag));
    else if (name === 'c') this.cellType = null;
  }

  /** Feeds inflated bytes; false once the workbook is refused. */
  feed(bytes: Uint8Array): boolean {
    return this.write(this.decoder.decode(bytes, { stream: true }));
  }

  /** Ends the part; false when it is refused (malformed when the XML is unfinished). */
  end(): boolean {
    if (!this.write(this.decoder.decode())) return false;
    return this.guard(() => this.parser.close());
  }

  private write(text: string): boolean {
    if (this.scan.problem !== null) return false;
    this.written += text.length;
    if (text !== '' && !this.guard(() => this.parser.write(text))) return false;
    // Stop inside a long text as soon as it is over the budget, not at its end. Where the
    // parser is, between two writes: the characters written so far (saxes's own `position`
    // is right only inside its events: between writes it counts the last chunk twice, so
    // that a chunk ending inside a shared-string index read as a 65,000-character index).
    const pos = this.written;
    if (this.index !== null && pos - this.indexStart > MAX_INDEX_LENGTH + CLOSE_TAG_SLACK)
      this.scan.fail('malformed', 'a shared-string index is not a number');
    else if (this.textStart >= 0) {
      const open = pos - this.textStart;
      const left = this.kind === 'sharedStrings' ? this.scan.sharedLeft() : this.scan.textLeft();
      if (open > left + CLOSE_TAG_SLACK) this.scan.fail('too-much-text');
    }
    return this.scan.problem === null;
  }

  private guard(fn: () => unknown): boolean {
    try {
      fn();
    } catch (e) {
      this.scan.fail('malformed', e instanceof Error ? e.message : String(e));
    }
    return this.scan.problem === null;
  }
}
