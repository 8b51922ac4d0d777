import { requireAdmin } from '@/auth/server/session';
import { ok, route } from '@/http/server/response';
import { sendTestMail } from '@/notify/server/mail-setup';

/** Sends a test mail now and answers with the SMTP server's reply or its error, in words (a failed send is an answer, not an error). */
export const POST = route(async (request) => {
  await requireAdmin(request);
  return ok(await sendTestMail());
});
