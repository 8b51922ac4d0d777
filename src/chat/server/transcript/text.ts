import type { Message } from '@/db/repository/chat';
import { transcriptTime, type Transcript } from './transcript';

/*
 * The plain formats. Message text goes in exactly as stored: Markdown stays
 * Markdown (it is what the chat showed), and nothing is escaped or trimmed.
 */

export function transcriptMarkdown(transcript: Transcript): string {
  const entries = transcript.entries.map((entry) => `**${entry.author}** · ${transcriptTime(entry.at)}\n\n${entry.content}\n`);
  return `# ${transcript.title}\n\n${transcript.subtitle}\n\n---\n\n${entries.join('\n---\n\n')}`;
}

export function transcriptText(transcript: Transcript): string {
  const entries = transcript.entries.map((entry) => `[${transcriptTime(entry.at)}] ${entry.author}:\n${entry.content}\n`);
  return `${transcript.title}\n${transcript.subtitle}\n\n${entries.join('\n')}`;
}

/** The owner's export: the conversation with its metadata and every message with its own, for another tool to read. */
export function transcriptJson(transcript: Transcript, messages: readonly Message[]): string {
  // Dates serialise as ISO strings; the conversation's internal keys were never part of these objects.
  return JSON.stringify({ exportedAt: transcript.exportedAt, conversation: transcript.conversation, messages }, null, 2);
}
