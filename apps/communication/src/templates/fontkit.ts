import { createRequire } from 'node:module';

/**
 * fontkit, the font engine pdfkit itself uses (resolved from pdfkit, so the same installed copy): pdfkit accepts a
 * parsed font in place of a file, which lets the PDF renderer parse each font once per process (see pdf.ts).
 * fontkit ships no types; this is the little of it we touch.
 */
export interface ParsedFont {
  readonly postscriptName: string;
  layout(text: string): unknown;
}

interface FontkitFont extends ParsedFont {
  /** fontkit's glyph cache (glyph id → glyph, with the code points it was first looked up for). */
  _glyphs: Record<number, unknown>;
}

interface Fontkit {
  create(buffer: Uint8Array): FontkitFont;
}

const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;

export function parseFont(bytes: Uint8Array): ParsedFont {
  const font = fontkit.create(bytes);
  if (typeof font._glyphs !== 'object') throw new Error('fontkit changed: no glyph cache to reset');
  return font;
}

/**
 * Forgets the glyphs looked up so far, keeping the decoded tables (the costly part). A glyph remembers the code
 * points of its first lookup, and pdfkit builds the PDF's ToUnicode map (copy-paste, screen readers) from them: a
 * glyph first met as part of a composite ("U" inside "Ü" when another letter's subset was written) has none. Reset
 * before each document, a shared font gives the same bytes as a font parsed for that document alone.
 */
export function forgetGlyphs(font: ParsedFont): void {
  (font as FontkitFont)._glyphs = {};
}
