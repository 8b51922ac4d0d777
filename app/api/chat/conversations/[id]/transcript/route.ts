import { resolveChatActor } from '@/chat/server/actor';
import { transcriptQuerySchema, queryOf } from '@/chat/server/schemas';
import { downloadTranscript } from '@/chat/server/transcript/download';
import { route } from '@/http/server/response';
import { parseInput } from '@/http/server/validation';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** The conversation as a file (`format=pdf|md|txt`, and `json` for the owner), for its visitor or the owner. */
export const GET = route<Context>(async (request, context) => {
  const { id } = await context.params;
  const { format, lang } = parseInput(transcriptQuerySchema, queryOf(request));
  const actor = await resolveChatActor(request);
  const file = await downloadTranscript(actor, id, { format, language: lang });
  return new Response(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), {
    headers: {
      'content-type': file.contentType,
      // The name is built from letters, digits and dashes only, so it needs no quoting beyond this.
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'x-content-type-options': 'nosniff',
    },
  });
});
