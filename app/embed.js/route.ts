import { embedLoaderScript } from '@/embed/server/loader-script';

/** The one script tag other sites paste: the launcher, and the iframe once it is needed. */
export function GET() {
  return new Response(embedLoaderScript, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      // Pages of other origins load it; a new release reaches them within minutes.
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=86400',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    },
  });
}
