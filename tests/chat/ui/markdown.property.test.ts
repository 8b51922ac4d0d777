import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '@/chat/ui/markdown/markdown';

/*
 * Messages are written by strangers: whatever the text, the rendered
 * Markdown (parsed back as a browser would) holds only the elements and
 * attributes the renderer means to make, and links only to http(s) or mailto.
 */

type Node = DefaultTreeAdapterMap['childNode'];

const ALLOWED: Record<string, readonly string[]> = {
  div: ['class'],
  p: ['class'],
  strong: ['class'],
  em: [],
  code: ['class', 'data-language'],
  pre: ['class'],
  blockquote: ['class'],
  ul: ['class'],
  ol: ['class', 'start'],
  li: ['class'],
  hr: ['class'],
  br: [],
  span: ['data-testid'],
  a: ['href', 'target', 'rel', 'class', 'data-testid'],
  // The image-link icon.
  svg: ['viewbox', 'width', 'height', 'fill', 'stroke', 'stroke-width', 'aria-hidden', 'class'],
  rect: ['x', 'y', 'width', 'height', 'rx'],
  circle: ['cx', 'cy', 'r'],
  path: ['d'],
};

function problems(nodes: Node[], found: string[] = []): string[] {
  for (const node of nodes) {
    if (!('tagName' in node)) continue;
    const allowed = ALLOWED[node.tagName];
    if (!allowed) found.push(`element <${node.tagName}>`);
    for (const { name, value } of node.attrs) {
      if (!allowed?.includes(name)) found.push(`attribute ${name} on <${node.tagName}>`);
      if (name === 'href' && !/^(https?:\/\/|mailto:)/i.test(value)) found.push(`href ${value}`);
    }
    if (node.tagName === 'a' && node.attrs.find((attr) => attr.name === 'rel')?.value !== 'noopener noreferrer') found.push('link without rel');
    problems(node.childNodes, found);
  }
  return found;
}

/** Markdown's own syntax, HTML and URL tricks, and any text at all. */
const piece = fc.oneof(
  fc.constantFrom('*', '**', '_', '`', '```', '[', ']', '(', ')', '![', '<', '>', '> ', '# ', '- ', '1. ', '---', '\n', '\n\n', ' ', '\\', '"', "'", '&'),
  fc.constantFrom(
    'https://example.com/a',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'mailto:me@example.com',
    '//evil.example',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '" onmouseover="alert(1)',
    '&lt;b&gt;',
    '<svg onload=alert(1)>',
    '<style>*{}</style>',
  ),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const message = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('Markdown rendering of any message', () => {
  it('yields only the allowed elements and attributes, and only http(s)/mailto links', () => {
    fc.assert(
      fc.property(message, (text) => {
        const fragment = parseFragment(renderToStaticMarkup(createElement(Markdown, { text })));
        expect(problems(fragment.childNodes)).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });
});
