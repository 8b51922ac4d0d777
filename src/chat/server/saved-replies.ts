import { SAVED_REPLIES_FILE_VERSION, SAVED_REPLY_LIMITS, type SavedRepliesFile, type SavedRepliesImportResult, type SavedReply } from '@/chat/saved-replies';
import { getRepository } from '@/db';
import type { SavedReplyRow, SavedReplyWrite } from '@/db/repository/saved-replies';
import { AppError } from '@/http/errors';
import type { SavedRepliesFileInput, SavedReplyInput, SavedReplyPatch } from './schemas';

/*
 * The owner's saved replies: short answers written once in the settings and
 * inserted into the reply box behind `/shortcut`. Only the admin routes reach
 * these; a visitor never sees them except as the message the owner sends.
 */

const toPayload = ({ createdAt, updatedAt, ...reply }: SavedReplyRow): SavedReply => ({
  ...reply,
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

const notFound = () => new AppError('not_found:saved_reply', { message: 'Saved reply not found.' });

/** The value of a write the repository accepted, or the 409 that says which rule it broke. */
function written<T>(result: SavedReplyWrite<T>, shortcut?: string | null): T {
  if (result.status === 'ok') return result.value;
  if (result.status === 'full') {
    throw new AppError('conflict:saved_reply', {
      message: `You can keep at most ${SAVED_REPLY_LIMITS.count} saved replies. Delete some first.`,
    });
  }
  throw new AppError('conflict:saved_reply', {
    message: shortcut ? `Another saved reply already uses the shortcut "/${shortcut}".` : 'Another saved reply already uses that shortcut.',
    fields: { shortcut: ['Already used by another saved reply.'] },
  });
}

export async function listSavedReplies(): Promise<{ replies: SavedReply[] }> {
  return { replies: (await getRepository().listSavedReplies()).map(toPayload) };
}

export async function createSavedReply(input: SavedReplyInput): Promise<SavedReply> {
  const result = await getRepository().createSavedReply({ reply: input, max: SAVED_REPLY_LIMITS.count });
  return toPayload(written(result, input.shortcut));
}

export async function updateSavedReply(id: number, patch: SavedReplyPatch): Promise<SavedReply> {
  const reply = written(await getRepository().updateSavedReplyById({ id, patch }), patch.shortcut);
  if (!reply) throw notFound();
  return toPayload(reply);
}

export async function deleteSavedReply(id: number): Promise<void> {
  if (!(await getRepository().deleteSavedReplyById({ id }))) throw notFound();
}

/** Every saved reply, oldest first, as the file `importSavedReplies` takes back. */
export async function exportSavedReplies(now = new Date()): Promise<SavedRepliesFile> {
  const replies = await getRepository().listSavedReplies();
  return {
    version: SAVED_REPLIES_FILE_VERSION,
    exportedAt: now.toISOString(),
    replies: replies.map(({ title, text, shortcut }) => ({ title, text, shortcut })),
  };
}

/**
 * Merges a validated file into the saved replies in one transaction: a reply
 * whose shortcut exists replaces that reply's title and text, the others are
 * added (an identical reply without a shortcut is not added twice). Past the
 * cap, nothing is written.
 */
export async function importSavedReplies(file: SavedRepliesFileInput): Promise<SavedRepliesImportResult> {
  const result = await getRepository().importSavedReplies({ replies: file.replies, max: SAVED_REPLY_LIMITS.count });
  if (result.status === 'full') {
    throw new AppError('conflict:saved_reply', {
      message: `Importing this file would leave more than ${SAVED_REPLY_LIMITS.count} saved replies; nothing was imported. Delete some first, or import a shorter file.`,
    });
  }
  return written(result);
}
