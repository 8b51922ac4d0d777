import { idString } from '@/chat/server/schemas';
import { AppError } from '@/http/errors';

export type UnansweredContext = { params: Promise<{ id: string }> };

/** A malformed id is the same 404 as an unknown one. */
export async function unansweredIdOf(context: UnansweredContext): Promise<number> {
  const id = idString.safeParse((await context.params).id);
  if (!id.success) throw new AppError('not_found:unanswered', { message: 'Question not found.' });
  return id.data;
}
