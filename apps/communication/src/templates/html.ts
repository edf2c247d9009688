import mjml2html from 'mjml';
import { escapeHtml } from './escape';
import type { LetterContent } from './letter-content';
import type { LetterLanguage } from './letter-renderer.types';

/**
 * The email body. The MJML layout is compiled once per language (it only differs by `lang`/`dir`/alignment) with
 * markers where the letter goes; each letter then fills the markers with escaped HTML. MJML copies `mj-text`
 * content verbatim, so filling after compiling gives the same result as compiling each letter, at a fraction of
 * the cost (compiling takes tens of milliseconds; a decision can mean thousands of letters).
 */
const TITLE = '%%MELDPUNT_TITLE%%';
const PREVIEW = '%%MELDPUNT_PREVIEW%%';
const HEADER = '%%MELDPUNT_HEADER%%';
const BODY = '%%MELDPUNT_BODY%%';

const layouts = new Map<string, Promise<string>>();

function layoutFor(language: LetterLanguage, direction: 'ltr' | 'rtl'): Promise<string> {
  const key = `${language}-${direction}`;
  let layout = layouts.get(key);
  if (!layout) {
    layout = compileLayout(language, direction);
    layouts.set(key, layout);
    // A failed compile must not stick in the cache.
    layout.catch(() => layouts.delete(key));
  }
  return layout;
}

async function compileLayout(language: LetterLanguage, direction: 'ltr' | 'rtl'): Promise<string> {
  const align = direction === 'rtl' ? 'right' : 'left';
  const source = `<mjml lang="${language}" dir="${direction}">
  <mj-head>
    <mj-title>${TITLE}</mj-title>
    <mj-preview>${PREVIEW}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Arial, Helvetica, sans-serif" />
      <mj-text font-size="15px" line-height="1.5" color="#1f2933" align="${align}" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6">
    <mj-section background-color="#1d4e89" padding="16px 24px">
      <mj-column>
        <mj-text color="#ffffff" font-size="18px" font-weight="bold">${HEADER}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="8px 24px 24px">
      <mj-column>
        <mj-text>${BODY}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
  const result = await mjml2html(source, { validationLevel: 'strict', minify: false });
  return result.html;
}

function fill(layout: string, values: Readonly<Record<string, string>>): string {
  return layout.replace(/%%MELDPUNT_[A-Z]+%%/g, (marker) => values[marker] ?? marker);
}

export async function renderHtml(content: LetterContent): Promise<string> {
  const layout = await layoutFor(content.language, content.direction);
  const p = (text: string, style = ''): string =>
    `<p style="margin:0 0 12px;${style}">${escapeHtml(text)}</p>`;
  const parts: string[] = [
    `<h1 style="font-size:20px;line-height:1.3;margin:16px 0;">${escapeHtml(content.subject)}</h1>`,
  ];
  parts.push(p(content.greeting));
  if (content.update)
    parts.push(p(content.update, 'padding:8px 12px;background:#fff4e5;border-radius:4px;font-weight:bold;'));
  parts.push(p(content.intro));
  for (const section of content.sections) {
    const changed = section.changed
      ? ` <span style="background:#b45309;color:#ffffff;border-radius:3px;padding:1px 6px;font-size:12px;">${escapeHtml(
          content.changedLabel,
        )}</span>`
      : '';
    parts.push(
      `<h2 style="font-size:16px;margin:20px 0 8px;">${escapeHtml(section.heading)}${changed}</h2>`,
      `<ul style="margin:0 0 12px;padding-inline-start:20px;">${section.lines
        .map((line) => `<li style="margin:0 0 6px;">${escapeHtml(line)}</li>`)
        .join('')}</ul>`,
    );
  }
  parts.push(`<h2 style="font-size:16px;margin:20px 0 8px;">${escapeHtml(content.adviceHeading)}</h2>`);
  parts.push(p(content.advice));
  parts.push(p(content.contact));
  parts.push(
    `<p style="margin:16px 0 0;">${escapeHtml(content.closing)}<br />${escapeHtml(content.signature)}</p>`,
  );
  // MJML's columns say `direction:ltr`: each block states its own direction again.
  const open = `<div dir="${content.direction}" lang="${content.language}">`;
  return fill(layout, {
    [TITLE]: escapeHtml(content.subject),
    [PREVIEW]: escapeHtml(content.intro),
    [HEADER]: `${open}${escapeHtml(content.signature)}</div>`,
    [BODY]: `${open}${parts.join('\n')}</div>`,
  });
}

export function renderText(content: LetterContent): string {
  const lines: string[] = [content.subject, '', content.greeting, ''];
  if (content.update) lines.push(content.update, '');
  lines.push(content.intro, '');
  for (const section of content.sections) {
    lines.push(section.changed ? `${section.heading} (${content.changedLabel})` : section.heading);
    for (const line of section.lines) lines.push(`- ${line}`);
    lines.push('');
  }
  lines.push(
    content.adviceHeading,
    content.advice,
    '',
    content.contact,
    '',
    content.closing,
    content.signature,
  );
  return lines.join('\n') + '\n';
}
