import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '@/chat/ui/markdown/markdown';
import { parseInline, parseMarkdown, safeHref } from '@/chat/ui/markdown/parse';

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));
/** The rendered markup without the wrapper's classes, for readable assertions. */
const bare = (text: string) => html(text).replace(/ class="[^"]*"/g, '').replace(/^<div>|<\/div>$/g, '');

describe('safeHref', () => {
  it.each(['https://example.com/a?b=c#d', 'http://example.com', 'mailto:me@example.com'])('keeps %s', (url) => {
    expect(safeHref(url)).toBe(new URL(url).href);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/relative/path',
    '//example.com/protocol-relative',
    '',
    'not a url',
  ])('refuses %j', (url) => {
    expect(safeHref(url)).toBeNull();
  });
});

describe('Markdown rendering', () => {
  it('renders bold, italics and inline code', () => {
    expect(bare('**bold** and *it* and _it2_ and `x < y`')).toBe(
      '<p><strong>bold</strong> and <em>it</em> and <em>it2</em> and <code>x &lt; y</code></p>',
    );
  });

  it('keeps snake_case and lone stars as typed', () => {
    expect(bare('call my_var_name with 2 * 3 * 4 stars')).toBe('<p>call my_var_name with 2 * 3 * 4 stars</p>');
  });

  it('turns single newlines into line breaks and blank lines into paragraphs', () => {
    expect(bare('one\ntwo\n\nthree')).toBe('<p>one<br/>two</p><p>three</p>');
  });

  it('renders bullet and numbered lists, nested ones too', () => {
    expect(bare('- a\n- b\n  - c')).toBe('<ul><li>a</li><li><p>b</p><ul><li>c</li></ul></li></ul>');
    expect(bare('3. three\n4. four')).toBe('<ol start="3"><li>three</li><li>four</li></ol>');
    expect(bare('1. one\n\n2. two')).toBe('<ol><li>one</li><li>two</li></ol>');
  });

  it('renders fenced code blocks verbatim, HTML included', () => {
    expect(bare('```ts\nconst a = "<b>";\n**not bold**\n```')).toBe(
      '<pre><code data-language="ts">const a = &quot;&lt;b&gt;&quot;;\n**not bold**</code></pre>',
    );
  });

  it('renders safe links opening in a new tab without opener or referrer', () => {
    expect(bare('see [the docs](https://example.com/docs) now')).toBe(
      '<p>see <a href="https://example.com/docs" target="_blank" rel="noopener noreferrer">the docs</a> now</p>',
    );
  });

  it('links bare URLs without swallowing trailing punctuation', () => {
    expect(bare('Go to https://example.com/x.')).toBe(
      '<p>Go to <a href="https://example.com/x" target="_blank" rel="noopener noreferrer">https://example.com/x</a>.</p>',
    );
  });

  it('makes javascript: and data: links inert text', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'JAVASCRIPT:alert(document.cookie)']) {
      const markup = html(`[click me](${url})`);
      expect(markup).not.toContain('href');
      expect(markup).toContain('<span data-testid="inert-link">click me</span>');
    }
  });

  it('shows raw HTML as text', () => {
    const markup = html('<img src=x onerror=alert(1)> <script>alert(2)</script> <a href="javascript:alert(3)">x</a>');
    expect(markup).not.toMatch(/<img|<script|<a /);
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markup).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('renders images as links, never as <img>', () => {
    const markup = html('![a cat](https://example.com/cat.png)');
    expect(markup).not.toContain('<img');
    expect(markup).toMatch(/<a href="https:\/\/example.com\/cat.png" target="_blank" rel="noopener noreferrer"[^>]*data-testid="image-link"><svg[^]*<\/svg>a cat<\/a>/);
    expect(html('![x](javascript:alert(1))')).not.toContain('href');
  });

  it('does not nest links inside link labels', () => {
    expect(parseInline('[a [b](https://b.example) c](https://a.example)')).toEqual([
      { type: 'link', href: 'https://a.example/', children: [{ type: 'text', text: 'a [b](https://b.example) c' }] },
    ]);
  });

  it('honours backslash escapes', () => {
    expect(bare('\\*not em\\* and \\`tick\\`')).toBe('<p>*not em* and `tick`</p>');
  });

  it('renders headings as bold lines, quotes and rules', () => {
    expect(bare('## Title\n> quoted\n\n---')).toBe('<p>Title</p><blockquote><p>quoted</p></blockquote><hr/>');
  });

  it('leaves unclosed markers as text', () => {
    expect(bare('**open and `tick and [label](')).toBe('<p>**open and `tick and [label](</p>');
  });

  it('survives deeply nested input without blowing the stack', () => {
    const nested = '> '.repeat(500) + 'deep';
    expect(() => html(nested)).not.toThrow();
    const stars = '*'.repeat(5000);
    expect(() => html(stars)).not.toThrow();
    const brackets = '['.repeat(3000) + ']'.repeat(3000);
    expect(() => html(brackets)).not.toThrow();
  });

  it('parses a typical assistant answer', () => {
    const blocks = parseMarkdown('Here is my **stack**:\n\n- TypeScript\n- Go\n\nMore at https://example.com');
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'list', 'paragraph']);
  });
});
