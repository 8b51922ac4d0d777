import { randomBytes } from 'node:crypto';
import { env } from '@/config/env';
import { getRepository } from '@/db';
import { AppError } from '@/http/errors';
import { logger } from '@/logger';
import type { ChatActor } from '../actor';
import { limitVisitorUploads } from '../limits';
import { getAccessibleConversation } from '../service';
import { forgetVisitorSession } from '../visitor-session';
import { prepareImage } from './images';
import { getUploadStorage } from './storage';

export type UploadPayload = { id: string; conversationId: string; contentType: string; width: number; height: number };

const tooLarge = () =>
  new AppError('payload_too_large:upload', { message: `Images can be at most ${Math.floor(env.UPLOAD_MAX_BYTES / (1024 * 1024)) || 1} MB.` });

/** The largest multipart body an upload may arrive in: the image plus room for the form's boundaries and fields. */
export const MAX_UPLOAD_REQUEST_BYTES = env.UPLOAD_MAX_BYTES + 16 * 1024;

async function conversationToUploadTo(actor: ChatActor, conversationId: string | undefined): Promise<string> {
  if (actor.kind === 'visitor') {
    // A first message may be an image: the session's conversation is opened for it, as a first text would.
    const { conversation, created } = await getRepository().getOrCreateOpenConversationBySessionId({ sessionId: actor.session.id });
    if (created) await forgetVisitorSession(actor.session);
    return conversation.id;
  }
  if (!conversationId) {
    throw new AppError('bad_request:validation', { message: 'Some fields are not valid.', fields: { conversationId: ['Choose the conversation to send it to.'] } });
  }
  const conversation = await getAccessibleConversation(actor, conversationId);
  if (conversation.status === 'closed') throw new AppError('conflict:conversation', { message: 'This conversation is closed. Reopen it to reply.' });
  return conversation.id;
}

/**
 * An image for a message: checked by its bytes, re-encoded without its
 * metadata, stored under a random id. The message that carries it is sent
 * next, naming that id.
 */
export async function uploadImage(actor: ChatActor, input: { file: Blob; conversationId?: string }): Promise<UploadPayload> {
  if (actor.kind === 'visitor') await limitVisitorUploads(actor.session.id, actor.ip);
  if (input.file.size > env.UPLOAD_MAX_BYTES) throw tooLarge();
  const conversationId = await conversationToUploadTo(actor, input.conversationId);
  const image = await prepareImage(Buffer.from(await input.file.arrayBuffer()));
  const id = randomBytes(16).toString('hex');
  await getUploadStorage().put(id, image.bytes, image.contentType);
  await getRepository().createUpload({
    id,
    conversationId,
    uploadedBy: actor.kind === 'visitor' ? 'visitor' : 'admin',
    contentType: image.contentType,
    width: image.width,
    height: image.height,
    bytes: image.bytes.length,
  });
  logger.info({ uploadId: id, conversationId, bytes: image.bytes.length, by: actor.kind }, 'chat: image uploaded');
  return { id, conversationId, contentType: image.contentType, width: image.width, height: image.height };
}

const extensions: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };

/** An upload's bytes, for a member of its conversation only (anyone else gets the same 404 as a missing id). */
export async function readUpload(actor: ChatActor, id: string): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
  const notFound = () => new AppError('not_found:upload', { message: 'Image not found.' });
  const upload = await getRepository().getUploadById({ id });
  if (!upload) throw notFound();
  try {
    await getAccessibleConversation(actor, upload.conversationId);
  } catch {
    throw notFound();
  }
  const bytes = await getUploadStorage().get(upload.id);
  if (!bytes) throw notFound();
  return { bytes, contentType: upload.contentType, fileName: `image-${upload.id.slice(0, 8)}.${extensions[upload.contentType] ?? 'img'}` };
}
