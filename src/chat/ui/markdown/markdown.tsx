import { Fragment, useMemo, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './parse';

/*
 * Renders a chat message's Markdown as React elements: every piece of text is
 * a React text node (escaped by React), no element ever receives HTML, and
 * the only attributes built from message content are already-checked hrefs.
 */

const linkClass = 'underline decoration-1 underline-offset-2 break-words hover:decoration-2';

function ImageLinkIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true" className="mr-1 inline -translate-y-px">
      <rect x="3" y="3" width="18" height="18" rx="2" />
      <circle cx="9" cy="9" r="2" />
      <path d="M21 15l-5-5L5 21" />
    </svg>
  );
}

function renderInlines(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={index}>{node.text}</Fragment>;
      case 'break':
        return <br key={index} />;
      case 'code':
        return (
          <code key={index} className="rounded bg-black/10 px-1 py-px font-mono text-[0.9em] dark:bg-white/15">
            {node.text}
          </code>
        );
      case 'strong':
        return <strong key={index} className="font-semibold">{renderInlines(node.children)}</strong>;
      case 'em':
        return <em key={index}>{renderInlines(node.children)}</em>;
      case 'link':
        return node.href ? (
          <a key={index} href={node.href} target="_blank" rel="noopener noreferrer" className={linkClass}>
            {renderInlines(node.children)}
          </a>
        ) : (
          // An unsafe URL (javascript:, data:, relative…) keeps its label and loses the link.
          <span key={index} data-testid="inert-link">
            {renderInlines(node.children)}
          </span>
        );
      case 'image': {
        const label = node.alt.trim() || node.href || 'image';
        return node.href ? (
          <a key={index} href={node.href} target="_blank" rel="noopener noreferrer" className={linkClass} data-testid="image-link">
            <ImageLinkIcon />
            {label}
          </a>
        ) : (
          <span key={index} data-testid="inert-link">
            <ImageLinkIcon />
            {label}
          </span>
        );
      }
    }
  });
}

function renderBlocks(blocks: Block[], tight = false): ReactNode[] {
  return blocks.map((block, index) => {
    switch (block.type) {
      case 'paragraph':
        // A list item holding one paragraph renders without a <p> around it (a "tight" list).
        return tight ? <Fragment key={index}>{renderInlines(block.children)}</Fragment> : <p key={index}>{renderInlines(block.children)}</p>;
      case 'heading':
        return (
          <p key={index} className="font-semibold">
            {renderInlines(block.children)}
          </p>
        );
      case 'code':
        return (
          <pre key={index} className="max-w-full overflow-x-auto rounded-md bg-slate-900 p-3 text-[13px] leading-snug text-slate-100 dark:bg-black/60">
            <code className="font-mono" data-language={block.language ?? undefined}>
              {block.text}
            </code>
          </pre>
        );
      case 'quote':
        return (
          <blockquote key={index} className="space-y-2 border-l-2 border-current/30 pl-3 opacity-90">
            {renderBlocks(block.children)}
          </blockquote>
        );
      case 'list': {
        const items = block.items.map((item, itemIndex) => (
          <li key={itemIndex} className="space-y-1">
            {renderBlocks(item, item.length === 1)}
          </li>
        ));
        return block.ordered ? (
          <ol key={index} start={block.start === 1 ? undefined : block.start} className="list-decimal space-y-1 pl-5">
            {items}
          </ol>
        ) : (
          <ul key={index} className="list-disc space-y-1 pl-5">
            {items}
          </ul>
        );
      }
      case 'rule':
        return <hr key={index} className="border-current/20" />;
    }
  });
}

/** A message's text as safe, styled Markdown. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <div className={['space-y-2 break-words [overflow-wrap:anywhere]', className].filter(Boolean).join(' ')}>{renderBlocks(blocks)}</div>;
}
