/*
 * A small Markdown parser for chat messages, producing a tree that is only
 * ever rendered as React elements (never as an HTML string). It knows the
 * part of Markdown people and assistants type in chat — paragraphs, line
 * breaks, bold, italics, inline and fenced code, lists, quotes, headings,
 * links — and nothing else: raw HTML stays text, images become links (a
 * remote image would load by itself and could leak the chat through its
 * URL), and a link whose URL is not http(s) or mailto has no href at all.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'break' }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  /** `href` is null when the URL was not safe: the label renders as inert text. */
  | { type: 'link'; href: string | null; children: Inline[] }
  | { type: 'image'; href: string | null; alt: string };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; children: Inline[] }
  | { type: 'code'; language: string | null; text: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'rule' };

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** Deeper nesting than this (quotes in lists in quotes…) is shown as plain text. */
const MAX_DEPTH = 6;

/** The URL to put in an href, or null for anything that is not an absolute http(s)/mailto URL. */
export function safeHref(raw: string): string | null {
  // Browsers drop control characters and whitespace inside a scheme ("java\tscript:"), so the URL parser decides.
  const candidate = raw.trim();
  if (candidate === '' || candidate.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
}

// ── Blocks ────────────────────────────────────────────────────────────────

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;
const HEADING = /^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;

const isBlank = (line: string) => line.trim() === '';

type ListMarker = { indent: number; ordered: boolean; bullet: string; start: number; rest: string; contentIndent: number };

function listMarkerOf(line: string): ListMarker | null {
  const match = LIST_ITEM.exec(line);
  if (!match) return null;
  const [, indent = '', marker = '', rest = ''] = match;
  const ordered = /\d/.test(marker[0]!);
  return {
    indent: indent.length,
    ordered,
    bullet: ordered ? marker.slice(-1) : marker,
    start: ordered ? Number(marker.slice(0, -1)) : 1,
    rest,
    contentIndent: indent.length + marker.length + 1,
  };
}

/** Whether a line ends the paragraph before it (only a list starting at 1 may: "2024. was a year" stays text). */
function startsBlock(line: string): boolean {
  const marker = listMarkerOf(line);
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || (marker !== null && (!marker.ordered || marker.start === 1));
}

/** Removes up to `count` leading spaces (a tab counts as enough). */
function dedent(line: string, count: number): string {
  let index = 0;
  while (index < count && index < line.length && line[index] === ' ') index += 1;
  if (index < count && line[index] === '\t') index += 1;
  return line.slice(index);
}

export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').split('\n'), 0);
}

function parseBlocks(lines: string[], depth: number): Block[] {
  if (depth > MAX_DEPTH) {
    const text = lines.join('\n').trim();
    return text ? [{ type: 'paragraph', children: [{ type: 'text', text }] }] : [];
  }
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (isBlank(line)) {
      index += 1;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      index += 1;
      while (index < lines.length && !isClosingFence(lines[index]!, marker)) body.push(lines[index++]!);
      index += 1; // the closing fence (or the end of the message)
      blocks.push({ type: 'code', language: fence[2] || null, text: body.join('\n') });
      continue;
    }

    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      index += 1;
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', children: parseInline(heading[1] ?? '') });
      index += 1;
      continue;
    }

    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (index < lines.length && QUOTE.test(lines[index]!)) quoted.push(QUOTE.exec(lines[index++]!)![1]!);
      blocks.push({ type: 'quote', children: parseBlocks(quoted, depth + 1) });
      continue;
    }

    const marker = listMarkerOf(line);
    if (marker) {
      index = parseList(lines, index, marker, depth, blocks);
      continue;
    }

    const paragraph: string[] = [];
    while (index < lines.length && !isBlank(lines[index]!) && (paragraph.length === 0 || !startsBlock(lines[index]!))) {
      paragraph.push(lines[index++]!);
    }
    blocks.push({ type: 'paragraph', children: parseInline(paragraph.map((text) => text.trim()).join('\n')) });
  }
  return blocks;
}

function isClosingFence(line: string, opening: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= opening.length && trimmed === opening[0]!.repeat(trimmed.length);
}

/** Items of one list: same kind of marker; an item owns the indented (or lazily continued) lines after it. */
function parseList(lines: string[], from: number, first: ListMarker, depth: number, blocks: Block[]): number {
  const items: Block[][] = [];
  let index = from;
  let marker: ListMarker | null = first;
  while (marker && marker.ordered === first.ordered && marker.bullet === first.bullet) {
    const content = [marker.rest];
    index += 1;
    while (index < lines.length) {
      const line = lines[index]!;
      const next = listMarkerOf(line);
      if (isBlank(line)) {
        // A blank line continues the item only when indented content follows it.
        const following = lines[index + 1];
        if (following === undefined || isBlank(following) || leadingSpaces(following) < marker.contentIndent) break;
        content.push('');
        index += 1;
        continue;
      }
      if (next && next.indent < marker.contentIndent) break;
      if (leadingSpaces(line) < marker.contentIndent && startsBlock(line)) break;
      content.push(dedent(line, marker.contentIndent));
      index += 1;
    }
    items.push(parseBlocks(content, depth + 1));
    // Blank lines between items keep one list ("loose" list).
    let peek = index;
    while (peek < lines.length && isBlank(lines[peek]!)) peek += 1;
    marker = peek < lines.length ? listMarkerOf(lines[peek]!) : null;
    if (marker && marker.indent <= first.indent + 1) index = peek;
    else marker = null;
  }
  blocks.push({ type: 'list', ordered: first.ordered, start: first.start, items });
  return index;
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

// ── Inlines ───────────────────────────────────────────────────────────────

const ESCAPABLE = new Set('\\`*_{}[]()#+-.!<>~|"\''.split(''));
const BARE_URL = /^(?:https?:\/\/|mailto:)[^\s<>"']+/i;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]]+$/;

/** `depth` counts nested emphasis; inside a link label there are no further links. */
export function parseInline(text: string, depth = 0, inLink = false): Inline[] {
  const nodes: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) nodes.push({ type: 'text', text: buffer });
    buffer = '';
  };
  const push = (node: Inline) => {
    flush();
    nodes.push(node);
  };

  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    const rest = text.slice(index);

    if (char === '\\' && index + 1 < text.length && ESCAPABLE.has(text[index + 1]!)) {
      buffer += text[index + 1];
      index += 2;
      continue;
    }
    if (char === '\n') {
      push({ type: 'break' });
      index += 1;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(rest)![0];
      const close = text.indexOf(run, index + run.length);
      if (close !== -1 && text[close + run.length] !== '`') {
        push({ type: 'code', text: stripCodePadding(text.slice(index + run.length, close)) });
        index = close + run.length;
      } else {
        buffer += run;
        index += run.length;
      }
      continue;
    }
    if (char === '!' && text[index + 1] === '[' && !inLink) {
      const link = parseLinkAt(text, index + 1);
      if (link) {
        push({ type: 'image', href: safeHref(link.url), alt: link.label });
        index = link.end;
        continue;
      }
    }
    if (char === '[' && !inLink) {
      const link = parseLinkAt(text, index);
      if (link) {
        push({ type: 'link', href: safeHref(link.url), children: parseInline(link.label, depth + 1, true) });
        index = link.end;
        continue;
      }
    }
    if ((char === '*' || char === '_') && depth < MAX_DEPTH) {
      const emphasis = parseEmphasisAt(text, index, depth, inLink);
      if (emphasis) {
        push(emphasis.node);
        index = emphasis.end;
        continue;
      }
    }
    if ((char === 'h' || char === 'H' || char === 'm' || char === 'M') && isWordStart(text, index) && !inLink) {
      const match = BARE_URL.exec(rest);
      if (match) {
        const url = match[0].replace(TRAILING_PUNCTUATION, '');
        const href = safeHref(url);
        if (href) {
          push({ type: 'link', href, children: [{ type: 'text', text: url }] });
          index += url.length;
          continue;
        }
      }
    }
    buffer += char;
    index += 1;
  }
  flush();
  return nodes;
}

function stripCodePadding(code: string): string {
  return code.length >= 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '' ? code.slice(1, -1) : code;
}

function isWordStart(text: string, index: number): boolean {
  return index === 0 || !/[\p{L}\p{N}_]/u.test(text[index - 1]!);
}

/** `[label](url)` starting at `open` (the "["): labels may nest brackets, URLs may hold balanced parentheses. */
function parseLinkAt(text: string, open: number): { label: string; url: string; end: number } | null {
  let depth = 0;
  let index = open;
  for (; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === '[') depth += 1;
    else if (char === ']' && --depth === 0) break;
  }
  if (index >= text.length || text[index + 1] !== '(') return null;
  const label = text.slice(open + 1, index);
  let parens = 0;
  let cursor = index + 2;
  for (; cursor < text.length; cursor += 1) {
    const char = text[cursor];
    if (char === '\n') return null;
    if (char === '(') parens += 1;
    else if (char === ')' && parens-- === 0) break;
  }
  if (cursor >= text.length) return null;
  const target = text.slice(index + 2, cursor).trim();
  // A title after the URL ("url "title"") is allowed and ignored.
  const url = (/^<([^>]*)>/.exec(target)?.[1] ?? target.split(/\s+/)[0] ?? '').trim();
  return { label, url, end: cursor + 1 };
}

/**
 * `**strong**`, `__strong__`, `*em*`, `_em_`: the opening delimiter must be
 * followed by a non-space, the closing one preceded by one; `_` only counts
 * at word edges, so snake_case_names stay as typed.
 */
function parseEmphasisAt(text: string, index: number, depth: number, inLink: boolean): { node: Inline; end: number } | null {
  const char = text[index]!;
  const double = text[index + 1] === char;
  const delimiter = double ? char + char : char;
  const contentStart = index + delimiter.length;
  if (contentStart >= text.length || /\s/.test(text[contentStart]!)) return null;
  if (char === '_' && !isWordStart(text, index)) return null;

  let search = contentStart;
  for (;;) {
    const close = text.indexOf(delimiter, search);
    if (close === -1) return null;
    const after = close + delimiter.length;
    const valid =
      close > contentStart &&
      !/\s/.test(text[close - 1]!) &&
      // A single delimiter must not be half of a double one (`*a **b** c*` closes at the last `*`).
      (double || text[after] !== char) &&
      (char !== '_' || after >= text.length || !/[\p{L}\p{N}]/u.test(text[after]!));
    if (valid) {
      const children = parseInline(text.slice(contentStart, close), depth + 1, inLink);
      return { node: double ? { type: 'strong', children } : { type: 'em', children }, end: after };
    }
    search = close + 1;
    if (!double && text[close + 1] === char) search = close + 2;
  }
}
