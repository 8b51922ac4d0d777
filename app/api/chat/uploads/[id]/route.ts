import { resolveChatActor } from '@/chat/server/actor';
import { uploadIdInput } from '@/chat/server/schemas';
import { readUpload } from '@/chat/server/uploads/service';
import { route } from '@/http/server/response';
import { parseInput } from '@/http/server/validation';
import { z } from 'zod';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** An image of a conversation, to its members only (visitor token or admin cookie), typed by its bytes. */
export const GET = route<Context>(async (request, context) => {
  const { id } = parseInput(z.object({ id: uploadIdInput }), await context.params);
  const actor = await resolveChatActor(request);
  const image = await readUpload(actor, id);
  return new Response(new Uint8Array(image.bytes), {
    headers: {
      'content-type': image.contentType,
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="${image.fileName}"`,
      // Members only, never a shared cache; the bytes under an id never change.
      'cache-control': 'private, max-age=86400, immutable',
    },
  });
});
