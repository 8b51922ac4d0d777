import { resolveChatActor } from '@/chat/server/actor';
import { MAX_UPLOAD_REQUEST_BYTES, uploadImage } from '@/chat/server/uploads/service';
import { AppError } from '@/http/errors';
import { ok, route } from '@/http/server/response';

/** An image for the next message (multipart/form-data: `file`, and `conversationId` for the owner). */
export const POST = route(async (request) => {
  const actor = await resolveChatActor(request);
  if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_REQUEST_BYTES) {
    throw new AppError('payload_too_large:upload', { message: 'This image is too large.' });
  }
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    throw new AppError('unsupported_media_type:upload', { message: 'Send the image as multipart/form-data, in a field named file.' });
  }
  const form = await request.formData().catch(() => {
    throw new AppError('bad_request:upload', { message: 'The upload could not be read. Send the image as multipart/form-data.' });
  });
  const file = form.get('file');
  if (!(file instanceof Blob)) throw new AppError('bad_request:upload', { message: 'Attach the image in a field named file.' });
  const conversationId = form.get('conversationId');
  return ok(await uploadImage(actor, { file, conversationId: typeof conversationId === 'string' ? conversationId : undefined }), { status: 201 });
});
