import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { EmbeddedChat } from '@/embed/embedded-chat';
import { EmbedRefused } from '@/embed/embed-refused';
import { EMBED_ORIGIN_HEADER } from '@/embed/server/allow-list';
import { embedChatPage } from '@/embed/server/embed-page';

// Rendered per request: the proxy's framing decision and this request's CSP nonce.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Chat', robots: { index: false } };

/** The chat inside the iframe of embed.js on another site. */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = embedChatPage((await headers()).get(EMBED_ORIGIN_HEADER), await searchParams);
  if (!page.allowed) return <EmbedRefused />;
  return <EmbeddedChat hostOrigin={page.hostOrigin} pageUrl={page.pageUrl} locale={page.locale} accent={page.accent} />;
}
