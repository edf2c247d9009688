import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { forgetGlyphs, parseFont, type ParsedFont } from './fontkit';
import type { LetterContent } from './letter-content';

/**
 * The PDF letter (pdfkit, DejaVu Sans embedded and subset: Latin, Cyrillic and Arabic glyphs).
 *
 * Right to left: pdfkit lays text out word by word and puts words left to right; fontkit shapes each Arabic word
 * (joining forms via the font's GSUB) and reverses its glyphs. So for Arabic we break lines ourselves in logical
 * order, then put each line's words in visual order (a word-level bidi: runs of Latin/digit words keep their
 * order, everything else is reversed) and right-align the line. Not done: full UAX #9 (nested levels, mirrored
 * brackets, neutrals between runs), which the catalogs avoid.
 */
const FONT_DIR = `${require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, '')}ttf/`;

/**
 * The fonts, read and parsed once per process. Handing pdfkit a parsed fontkit font instead of the file's bytes
 * saves re-parsing the font (and its GSUB/GPOS tables, decoded lazily on first layout) for every letter: about
 * 85% of a letter's PDF time. pdfkit only reads the parsed font (each document makes its own subset), so sharing
 * one between documents gives the same bytes once its glyph cache is reset per document (see forgetGlyphs).
 */
let fonts: { regular: ParsedFont; bold: ParsedFont } | undefined;

function loadFonts(): { regular: ParsedFont; bold: ParsedFont } {
  fonts ??= {
    regular: parseFont(readFileSync(`${FONT_DIR}DejaVuSans.ttf`)),
    bold: parseFont(readFileSync(`${FONT_DIR}DejaVuSans-Bold.ttf`)),
  };
  return fonts;
}

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
/** Where Arabic touches Latin letters or digits inside one word ("وLucas"): fontkit would reverse the whole word. */
const SCRIPT_BOUNDARY = /(?<=[\u0600-\u06ff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u0600-\u06ff])/g;

/** Logical order → visual order for one right-to-left line of words. */
export function visualOrder(words: readonly string[]): string[] {
  const visual: string[] = [];
  let ltrRun: string[] = [];
  for (let i = words.length - 1; i >= 0; i -= 1) {
    const word = words[i] ?? '';
    if (ARABIC.test(word)) {
      visual.push(...ltrRun, word);
      ltrRun = [];
    } else {
      ltrRun.unshift(word);
    }
  }
  visual.push(...ltrRun);
  return visual;
}

export interface PdfMeta {
  readonly letterId: string;
  readonly issuedAt: Date;
}

export function renderPdf(content: LetterContent, meta: PdfMeta): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  // From here to doc.end() the code is synchronous: no other letter's PDF can use the fonts in between.
  forgetGlyphs(regular);
  forgetGlyphs(bold);
  const doc = new PDFDocument({
    // No default font: pdfkit would parse Helvetica's metrics for every letter (~10% of the PDF's time), for a
    // font no paragraph uses (each sets its own).
    font: null as unknown as string,
    size: 'A4',
    margin: 56,
    lang: content.language,
    info: {
      Title: content.subject,
      Author: content.signature,
      Subject: meta.letterId,
      Keywords: `letter:${meta.letterId}`,
      CreationDate: meta.issuedAt,
    },
  });
  // pdfkit takes a parsed fontkit font too (its types only list file sources).
  doc.registerFont('body', regular as unknown as Buffer);
  doc.registerFont('bold', bold as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const rtl = content.direction === 'rtl';
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  const paragraph = (text: string, font: 'body' | 'bold', size: number, gapAfter = 8): void => {
    doc.font(font).fontSize(size);
    if (!rtl) {
      doc.text(text, left, doc.y, { width, align: 'left' });
    } else {
      rtlParagraph(text, width);
    }
    doc.y += gapAfter;
  };

  const rtlParagraph = (text: string, maxWidth: number): void => {
    const words = text.replace(BIDI_CONTROLS, '').replace(SCRIPT_BOUNDARY, ' ').split(/\s+/).filter(Boolean);
    const lines: string[][] = [];
    let current: string[] = [];
    for (const word of words) {
      if (current.length > 0 && doc.widthOfString([...current, word].join(' ')) > maxWidth) {
        lines.push(current);
        current = [];
      }
      current.push(word);
    }
    if (current.length > 0) lines.push(current);
    for (const line of lines) {
      const lineHeight = doc.currentLineHeight(true);
      if (doc.y + lineHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const visual = visualOrder(line).join(' ');
      doc.text(visual, left + maxWidth - doc.widthOfString(visual), doc.y, { lineBreak: false });
      doc.y += lineHeight + 2;
    }
    doc.x = left;
  };

  paragraph(content.signature, 'bold', 10, 16);
  paragraph(content.subject, 'bold', 15, 12);
  paragraph(content.greeting, 'body', 11);
  if (content.update) paragraph(content.update, 'bold', 11);
  paragraph(content.intro, 'body', 11, 10);
  for (const section of content.sections) {
    paragraph(
      section.changed ? `${section.heading} (${content.changedLabel})` : section.heading,
      'bold',
      12,
      4,
    );
    for (const line of section.lines) paragraph(`• ${line}`, 'body', 11, 2);
    doc.y += 8;
  }
  paragraph(content.adviceHeading, 'bold', 12, 4);
  paragraph(content.advice, 'body', 11, 10);
  paragraph(content.contact, 'body', 11, 10);
  paragraph(content.closing, 'body', 11, 0);
  paragraph(content.signature, 'body', 11, 0);
  doc.end();
  return done;
}
