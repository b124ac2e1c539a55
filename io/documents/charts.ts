/**
 * Charts for the documents, drawn as SVG and rendered to PNG on the server (resvg: no browser)
 * in the documents' font, laid out right to left: the value axis on the right, labels in
 * Persian with Persian digits. The amounts come computed (exact Rials); only the bars'
 * lengths are scaled as numbers.
 */
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { axisStep, formatInUnit } from '#core';
import { DOCUMENT_FONT } from './docx';

/** One series of a chart: its label, colour and an amount (whole Rials) per category. */
export interface ChartSeries {
  label: string;
  colour: string;
  values: readonly (bigint | null)[];
}

/** A chart as a PNG with its size in pixels. */
export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

let fontFile: string | undefined;
const font = () => (fontFile ??= require.resolve('vazirmatn/fonts/ttf/Vazirmatn-Regular.ttf'));

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function render(svg: string, width: number): Uint8Array {
  readFileSync(font()); // fail early with the path when the font package is missing
  const r = new Resvg(svg, {
    font: { fontFiles: [font()], loadSystemFonts: false, defaultFontFamily: DOCUMENT_FONT },
    fitTo: { mode: 'width', value: width * 2 },
  });
  return new Uint8Array(r.render().asPng());
}

/**
 * Grouped vertical bars, one group per category (the first on the right), the value axis on
 * the right in `unit` (Rials per shown unit, e.g. 10⁹ for billion Rials), a legend above.
 */
export function barChart(input: {
  categories: readonly string[];
  series: readonly ChartSeries[];
  unit: bigint;
}): ChartImage {
  const width = 640;
  const height = 300;
  const right = 70; // the axis labels
  const left = 16;
  const top = 40; // the legend
  const bottom = 30;
  const plotW = width - right - left;
  const plotH = height - top - bottom;
  const unit = Number(input.unit);
  const all = input.series.flatMap((s) => s.values.map((v) => (v === null ? 0 : Number(v) / unit)));
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const s = axisStep(Math.max(max - min, 1));
  const hi = Math.ceil(max / s) * s;
  const lo = Math.floor(min / s) * s;
  const y = (v: number) => top + ((hi - v) / (hi - lo || 1)) * plotH;
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="white"/>`];
  for (let v = lo; v <= hi + s / 2; v += s) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" stroke="${v === 0 ? '#595959' : '#D9D9D9'}"/>`,
      `<text x="${width - right + 6}" y="${y(v) + 4}" font-size="11" fill="#404040">${escape(
        formatInUnit(BigInt(Math.round(v * unit)), input.unit, 'fa', 0),
      )}</text>`,
    );
  }
  const n = input.categories.length;
  const group = plotW / Math.max(1, n);
  const bar = (group * 0.7) / Math.max(1, input.series.length);
  input.categories.forEach((c, i) => {
    // Right to left: the first category nearest the axis.
    const x0 = width - right - (i + 1) * group + group * 0.15;
    input.series.forEach((series, k) => {
      const v = series.values[i];
      if (v === null || v === undefined) return;
      const value = Number(v) / unit;
      const yTop = y(Math.max(0, value));
      const h = Math.abs(y(value) - y(0));
      // Within a group too the first series is on the right.
      const x = x0 + (input.series.length - 1 - k) * bar;
      parts.push(
        `<rect x="${x}" y="${yTop}" width="${bar - 2}" height="${h}" fill="${series.colour}"/>`,
      );
    });
    parts.push(
      `<text x="${x0 + group * 0.35}" y="${height - 10}" font-size="12" text-anchor="middle" fill="#262626">${escape(c)}</text>`,
    );
  });
  // The legend, right to left from the axis.
  let lx = width - right;
  for (const series of input.series) {
    parts.push(
      `<rect x="${lx - 12}" y="12" width="12" height="12" fill="${series.colour}"/>`,
      `<text x="${lx - 18}" y="23" font-size="12" text-anchor="end" direction="rtl" fill="#262626">${escape(series.label)}</text>`,
    );
    lx -= 30 + series.label.length * 7;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${DOCUMENT_FONT}">${parts.join('')}</svg>`;
  return { png: render(svg, width), width, height };
}
