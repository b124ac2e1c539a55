/**
 * The building blocks of the documents the council reads (the plan book, the council bill),
 * over the `docx` library: right-to-left paragraphs and tables, one Persian font named for
 * every script and embedded in the file, headings Word and LibreOffice list, a header that
 * says «پیش‌نویس» on every page of a document made from a plan not adopted, and a footer with
 * the city, the Jalali date and the page number.
 */
import { readFileSync } from 'node:fs';
import {
  AlignmentType,
  BorderStyle,
  Bookmark,
  CharacterSet,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageReference,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ISectionOptions } from 'docx';
import { PRACTICE_BANNER } from '#core';

/**
 * The documents' font: Vazirmatn (SIL Open Font License 1.1, the npm package `vazirmatn`),
 * a Persian typeface with Latin letters. Named for every script of every run, and embedded
 * (regular and bold) so that Word on a machine without it and LibreOffice both use it.
 */
export const DOCUMENT_FONT = 'Vazirmatn';

/**
 * The same typeface whose Latin digit glyphs are Persian (the package's «Farsi-Digits» build):
 * for the numbers Word and LibreOffice write themselves (page numbers in the footer and the
 * contents), which follow the reader's settings and not the text, so that they show in
 * Persian digits too.
 */
export const FIELD_FONT = 'Vazirmatn FD';

/** The font files embedded in every document, read once. */
let fontFiles: { regular: Buffer; bold: Buffer; digits: Buffer } | undefined;
function fonts(): { regular: Buffer; bold: Buffer; digits: Buffer } {
  const file = (path: string) => readFileSync(require.resolve(`vazirmatn/${path}`));
  fontFiles ??= {
    regular: file('fonts/ttf/Vazirmatn-Regular.ttf'),
    bold: file('fonts/ttf/Vazirmatn-Bold.ttf'),
    digits: file('misc/Farsi-Digits/fonts/ttf/Vazirmatn-FD-Regular.ttf'),
  };
  return fontFiles;
}

/** Half-points (Word's unit of type size) of body text, table text and headings. */
export const SIZE = { body: 22, table: 17, small: 16, h1: 32, h2: 26, title: 36 } as const;

const fontFor = (name: string) => ({ ascii: name, hAnsi: name, cs: name, eastAsia: name });
const FONT = fontFor(DOCUMENT_FONT);
/** Persian (Iran) for the complex script, so spelling and digits follow Persian. */
const LANGUAGE = { value: 'fa-IR', bidirectional: 'fa-IR' };

/** What a run of text may say about itself. */
export interface RunStyle {
  bold?: boolean;
  size?: number;
  color?: string;
}

/** A run of Persian text: right to left, the font for every script, size and weight for both. */
export function run(text: string, style: RunStyle = {}): TextRun {
  const size = style.size ?? SIZE.body;
  return new TextRun({
    text,
    rightToLeft: true,
    font: FONT,
    language: LANGUAGE,
    size,
    sizeComplexScript: size,
    bold: style.bold,
    boldComplexScript: style.bold,
    color: style.color,
  });
}

/** How a paragraph sits. */
export interface ParagraphStyle extends RunStyle {
  align?: 'start' | 'center' | 'end' | 'justify';
  /** Space after, in twentieths of a point. */
  after?: number;
  before?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
}

const ALIGN = {
  start: AlignmentType.START,
  center: AlignmentType.CENTER,
  end: AlignmentType.END,
  justify: AlignmentType.BOTH,
} as const;

/** A right-to-left paragraph of one or more runs. */
export function para(text: string | readonly TextRun[], style: ParagraphStyle = {}): Paragraph {
  return new Paragraph({
    bidirectional: true,
    alignment: ALIGN[style.align ?? 'start'],
    spacing: { after: style.after ?? 120, before: style.before ?? 0 },
    keepNext: style.keepNext,
    pageBreakBefore: style.pageBreakBefore,
    children: typeof text === 'string' ? [run(text, style)] : [...text],
  });
}

/** A chapter's heading (level 1, on a new page) or a section's (level 2), with a bookmark. */
export function heading(
  text: string,
  level: 1 | 2,
  bookmark?: string,
  options: { newPage?: boolean } = {},
): Paragraph {
  const runs = [run(text, { bold: true, size: level === 1 ? SIZE.h1 : SIZE.h2, color: '1F3864' })];
  return new Paragraph({
    bidirectional: true,
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    alignment: AlignmentType.START,
    spacing: { before: level === 1 ? 0 : 240, after: 160 },
    keepNext: true,
    pageBreakBefore: level === 1 && options.newPage !== false,
    children: bookmark === undefined ? runs : [new Bookmark({ id: bookmark, children: runs })],
  });
}

/** The width of the text on an A4 page with 2 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1134;

/** The contents lines' paragraph style: its font has Persian digits (`FIELD_FONT`). */
const CONTENTS_STYLE = 'PlanContentsLine';

/** One line of the contents: the chapter's title and the page it starts on. */
export function contentsLine(title: string, bookmark: string): Paragraph {
  return new Paragraph({
    bidirectional: true,
    alignment: AlignmentType.START,
    spacing: { after: 80 },
    // A dotted leader from the title to the page number at the far (left) edge.
    tabStops: [{ type: 'end', position: TEXT_WIDTH, leader: 'dot' }],
    // The page number takes the paragraph style's font (a page reference has no run style).
    style: CONTENTS_STYLE,
    children: [run(`${title}\t`), new PageReference(bookmark)],
  });
}

/** A chart (a PNG of `width` × `height` pixels) centred on its line, with its caption under it. */
export function figure(
  image: { png: Uint8Array; width: number; height: number },
  caption: string,
): Paragraph[] {
  return [
    new Paragraph({
      bidirectional: true,
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 200, after: 60 },
      children: [
        new ImageRun({
          type: 'png',
          data: image.png,
          transformation: { width: image.width, height: image.height },
          altText: { name: caption, description: caption, title: caption },
        }),
      ],
    }),
    para(caption, { align: 'center', size: SIZE.small, color: '595959', after: 200 }),
  ];
}

/** A cell of a table: text, or a number set at the end (left) of the cell. */
export type CellValue = string | { text: string; number?: boolean; bold?: boolean };

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8EAADB' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(value: CellValue, header: boolean, width: number | undefined): TableCell {
  const v = typeof value === 'string' ? { text: value } : value;
  return new TableCell({
    borders: BORDERS,
    width: width === undefined ? undefined : { size: width, type: WidthType.PERCENTAGE },
    shading: header ? { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } : undefined,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    children: [
      new Paragraph({
        bidirectional: true,
        alignment: header
          ? AlignmentType.CENTER
          : v.number
            ? AlignmentType.END
            : AlignmentType.START,
        spacing: { after: 0 },
        children: [run(v.text, { size: SIZE.table, bold: header || v.bold })],
      }),
    ],
  });
}

const textOf = (c: CellValue) => (typeof c === 'string' ? c : c.text);

/**
 * Column widths (percent) from what the columns hold: each column's longest text, a header's
 * longest word and at least a short number's width, long texts capped so that they wrap
 * instead of crowding out the figures.
 */
function autoWidths(header: readonly string[], rows: readonly (readonly CellValue[])[]): number[] {
  const weights = header.map((h, i) => {
    const longestWord = Math.max(...h.split(/\s+/).map((x) => x.length));
    const longest = Math.max(0, ...rows.map((r) => textOf(r[i] ?? '').length));
    return Math.min(32, Math.max(6, longestWord, longest));
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((x) => (100 * x) / sum);
}

/** A table laid out right to left, its header row repeated on every page it spans. */
export function table(
  header: readonly string[],
  rows: readonly (readonly CellValue[])[],
  options: { widths?: readonly number[]; totals?: readonly CellValue[] } = {},
): Table {
  const all = options.totals === undefined ? rows : [...rows, options.totals];
  const w = options.widths ?? autoWidths(header, all);
  return new Table({
    visuallyRightToLeft: true,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => cell(h, true, w?.[i])),
      }),
      ...all.map(
        (r, n) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) =>
              cell(
                options.totals !== undefined && n === rows.length
                  ? { ...(typeof c === 'string' ? { text: c } : c), bold: true }
                  : c,
                false,
                w?.[i],
              ),
            ),
          }),
      ),
    ],
  });
}

/** What every page of a document says about it. */
export interface PageFrame {
  /** False for a document made from a plan not adopted: every page says «پیش‌نویس». */
  adopted: boolean;
  /** The footer's words beside the page number: the city and the date. */
  footer: string;
  /** What the header says beside the draft mark: the document's title. */
  title: string;
  /**
   * A document of a practice municipality (issue 20): every page's header and footer say
   * «تمرینی» (`PRACTICE_MARK`), beside the draft mark when there is one.
   */
  practice?: boolean;
}

/** The words on every page of a draft. */
export const DRAFT_MARK = 'پیش‌نویس';

/** The practice mark at the head of a header or footer, when the document is of practice. */
function practiceRuns(frame: PageFrame) {
  return frame.practice === true
    ? [run(`${PRACTICE_BANNER.fa} — `, { size: SIZE.small, bold: true, color: 'C00000' })]
    : [];
}

function header(frame: PageFrame): Header {
  const children = frame.adopted
    ? [run(frame.title, { size: SIZE.small, color: '595959' })]
    : [
        run(`${DRAFT_MARK} `, { size: SIZE.small, bold: true, color: 'C00000' }),
        run(`— ${frame.title} (برنامه هنوز تصویب نشده است)`, { size: SIZE.small, color: '595959' }),
      ];
  return new Header({
    children: [para([...practiceRuns(frame), ...children], { align: 'center', after: 0 })],
  });
}

function footer(frame: PageFrame): Footer {
  const page = (kind: 'CURRENT' | 'TOTAL_PAGES') =>
    new TextRun({
      children: [PageNumber[kind]],
      rightToLeft: true,
      font: fontFor(FIELD_FONT),
      language: LANGUAGE,
      size: SIZE.small,
      sizeComplexScript: SIZE.small,
    });
  return new Footer({
    children: [
      para(
        [
          ...practiceRuns(frame),
          run(`${frame.footer} — صفحه `, { size: SIZE.small }),
          page('CURRENT'),
          run(' از ', { size: SIZE.small }),
          page('TOTAL_PAGES'),
        ],
        { align: 'center', after: 0 },
      ),
    ],
  });
}

/** A section of a document: its pages framed (A4 portrait, right to left). */
export function section(
  frame: PageFrame,
  children: ISectionOptions['children'],
  options: { landscape?: boolean } = {},
): ISectionOptions {
  return {
    properties: {
      page: {
        // A4 in twentieths of a point (210 × 297 mm), 2 cm margins.
        size: {
          width: 11906,
          height: 16838,
          orientation: options.landscape ? 'landscape' : 'portrait',
        },
        margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 },
      },
    },
    headers: { default: header(frame) },
    footers: { default: footer(frame) },
    children,
  };
}

/** The document's bytes: its sections, the font embedded, fields updated on opening. */
export async function packDocument(input: {
  title: string;
  subject: string;
  sections: ISectionOptions[];
}): Promise<Uint8Array> {
  const f = fonts();
  const doc = new Document({
    title: input.title,
    subject: input.subject,
    creator: 'Plan Register',
    // The contents' page numbers are fields: Word updates them on opening, LibreOffice lays
    // them out itself.
    features: { updateFields: true },
    fonts: [
      { name: DOCUMENT_FONT, data: f.regular, bold: f.bold, characterSet: CharacterSet.ARABIC },
      { name: FIELD_FONT, data: f.digits, characterSet: CharacterSet.ARABIC },
    ],
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, sizeComplexScript: SIZE.body, rightToLeft: true },
        },
      },
      paragraphStyles: [
        {
          id: CONTENTS_STYLE,
          name: 'Plan contents line',
          run: { font: fontFor(FIELD_FONT), size: SIZE.body, sizeComplexScript: SIZE.body },
        },
      ],
    },
    sections: input.sections,
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
