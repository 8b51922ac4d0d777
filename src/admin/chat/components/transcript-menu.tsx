/** The owner's downloads of one conversation: plain links, since the admin cookie rides along on a same-site GET. */
const FORMATS = [
  { format: 'pdf', label: 'PDF' },
  { format: 'md', label: 'Markdown' },
  { format: 'txt', label: 'Plain text' },
  { format: 'json', label: 'JSON (with metadata)' },
] as const;

export function TranscriptMenu({ conversationId }: { conversationId: string }) {
  return (
    <details className="relative" data-testid="transcript-menu">
      <summary className="inline-flex cursor-pointer list-none items-center rounded-md px-2.5 py-1.5 text-xs font-semibold text-slate-600 hover:bg-slate-100 hover:text-slate-900 [&::-webkit-details-marker]:hidden">
        Download
      </summary>
      <ul className="absolute right-0 z-20 mt-1 w-48 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
        {FORMATS.map(({ format, label }) => (
          <li key={format}>
            <a
              href={`/api/chat/conversations/${encodeURIComponent(conversationId)}/transcript?format=${format}`}
              download
              data-testid={`admin-download-${format}`}
              className="block rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
