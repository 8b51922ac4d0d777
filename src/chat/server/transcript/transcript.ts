import type { Conversation, Message } from '@/db/repository/chat';
import type { ChatLanguage, SenderType } from '@/db/schema/types';
import { messageText } from '@/chat/message-text';

/*
 * A conversation as a document: who wrote each message and when, the text
 * exactly as stored. The formats (text.ts, pdf.ts) only lay this out.
 */

export const transcriptFormats = ['pdf', 'md', 'txt', 'json'] as const;
export type TranscriptFormat = (typeof transcriptFormats)[number];

export type TranscriptEntry = { at: Date; author: string; senderType: SenderType; content: string };

export type Transcript = {
  conversation: Conversation;
  language: ChatLanguage;
  title: string;
  /** "Started 2 Dec 2026 18:42 UTC · 14 messages". */
  subtitle: string;
  entries: TranscriptEntry[];
  exportedAt: Date;
};

const labels = {
  en: {
    visitor: 'Visitor',
    owner: 'Owner',
    ai: 'AI assistant',
    title: (owner: string) => `Conversation with ${owner}`,
    subtitle: (started: string, count: number) => `Started ${started} · ${count === 1 ? '1 message' : `${count} messages`}`,
  },
  id: {
    visitor: 'Pengunjung',
    owner: 'Pemilik',
    ai: 'Asisten AI',
    title: (owner: string) => `Percakapan dengan ${owner}`,
    subtitle: (started: string, count: number) => `Dimulai ${started} · ${count} pesan`,
  },
} satisfies Record<ChatLanguage, unknown>;

/** One unambiguous clock for every reader of the file, wherever they open it: "2026-12-02 18:42 UTC". */
export const transcriptTime = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function buildTranscript(input: {
  conversation: Conversation;
  messages: readonly Message[];
  ownerName: string | null;
  language: ChatLanguage;
  exportedAt?: Date;
}): Transcript {
  const text = labels[input.language];
  const owner = input.ownerName ?? text.owner;
  const authorOf: Record<SenderType, string> = { visitor: input.conversation.visitorName ?? text.visitor, admin: owner, ai: text.ai };
  return {
    conversation: input.conversation,
    language: input.language,
    title: text.title(owner),
    subtitle: text.subtitle(transcriptTime(input.conversation.createdAt), input.messages.length),
    entries: input.messages.map((message) => ({
      at: message.createdAt,
      author: authorOf[message.senderType],
      senderType: message.senderType,
      content: messageText(message.content),
    })),
    exportedAt: input.exportedAt ?? new Date(),
  };
}

/** `conversation-1a2b3c4d-2026-12-02.pdf`: letters, digits and dashes only, whatever the conversation holds. */
export function transcriptFileName(transcript: Pick<Transcript, 'conversation' | 'exportedAt'>, format: TranscriptFormat): string {
  const id = transcript.conversation.id.replace(/[^a-z0-9]/gi, '').slice(0, 8).toLowerCase();
  return `conversation-${id}-${transcript.exportedAt.toISOString().slice(0, 10)}.${format}`;
}
