import { route } from '@/http/server/response';
import { parseInput } from '@/http/server/validation';
import { linkTokenSchema } from '@/auth/schemas';
import { unsubscribeFromLink } from '@/notify/server/visitor-notifications';

const page = (text: string, status = 200) =>
  new Response(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribed</title></head><body style="font-family:sans-serif;padding:2rem"><p>${text}</p></body></html>`, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });

async function unsubscribe(request: Request) {
  const { token } = parseInput(linkTokenSchema, { token: new URL(request.url).searchParams.get('token') ?? undefined });
  await unsubscribeFromLink(token);
  return page('Done: you will get no more e-mails about this conversation.');
}

/** The link in the mail (one click) … */
export const GET = route(unsubscribe);
/** … and a mail client's one-click button (RFC 8058: List-Unsubscribe-Post, the token in the URL, no cookie, no Origin). */
export const POST = route(unsubscribe);
