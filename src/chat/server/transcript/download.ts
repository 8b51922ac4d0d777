import { visitorLanguage } from '@/ai/language';
import { getRepository } from '@/db';
import type { Message } from '@/db/repository/chat';
import type { ChatLanguage } from '@/db/schema/types';
import { AppError } from '@/http/errors';
import { readPublishedPortfolio } from '@/portfolio/server/portfolio-cache';
import type { ChatActor } from '../actor';
import { limitTranscripts } from '../limits';
import { getAccessibleConversation } from '../service';
import { transcriptPdf } from './pdf';
import { transcriptJson, transcriptMarkdown, transcriptText } from './text';
import { buildTranscript, transcriptFileName, type TranscriptFormat } from './transcript';

/** Read in pages of this many; a conversation past the cap is cut there (no chat reaches it by hand). */
const PAGE_SIZE = 500;
const MAX_MESSAGES = 20_000;

export type TranscriptFile = { body: Buffer | string; contentType: string; fileName: string };

const contentTypes: Record<TranscriptFormat, string> = {
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

async function allMessages(conversationId: string): Promise<Message[]> {
  const repository = getRepository();
  const messages: Message[] = [];
  let after = 0;
  for (;;) {
    const page = await repository.listMessagesByConversationId({ conversationId, limit: PAGE_SIZE, after });
    messages.push(...page.messages);
    if (!page.hasMore || page.nextCursor === null || messages.length >= MAX_MESSAGES) return messages.slice(0, MAX_MESSAGES);
    after = page.nextCursor;
  }
}

/**
 * A conversation as a file, for its visitor (PDF, Markdown, text) or the
 * owner (those, and JSON with the metadata). Labels are in `language`, else
 * the language the visitor wrote in.
 */
export async function downloadTranscript(
  actor: ChatActor,
  conversationId: string,
  { format, language }: { format: TranscriptFormat; language?: ChatLanguage },
): Promise<TranscriptFile> {
  if (format === 'json' && actor.kind !== 'admin') {
    throw new AppError('forbidden:conversation', { message: 'The JSON export is for the site owner. Download the conversation as PDF, Markdown or text.' });
  }
  if (actor.kind === 'visitor') await limitTranscripts(actor.ip);
  const conversation = await getAccessibleConversation(actor, conversationId);
  const [messages, { portfolio }] = await Promise.all([allMessages(conversation.id), readPublishedPortfolio()]);
  const written = messages.filter((message) => message.senderType === 'visitor').map((message) => message.content);
  const transcript = buildTranscript({
    conversation,
    messages,
    ownerName: portfolio.about?.name ?? null,
    language: language ?? visitorLanguage(written.reverse()),
  });
  const body =
    format === 'pdf'
      ? await transcriptPdf(transcript)
      : format === 'md'
        ? transcriptMarkdown(transcript)
        : format === 'txt'
          ? transcriptText(transcript)
          : transcriptJson(transcript, messages);
  return { body, contentType: contentTypes[format], fileName: transcriptFileName(transcript, format) };
}
