import type { Conversation, Message } from '@/db/repository/chat';
import type { OutgoingMail } from './mailer';
import { messageText } from '@/chat/message-text';

/*
 * The mails, as plain text and HTML. Everything a visitor typed is escaped
 * before it goes into the HTML (a message reading "<a href=…>" shows as that
 * text, never as a link); nothing from a message is ever put in a header.
 */

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

/** Where the owner sets PUBLIC_URL: links cannot be made without it, so the mail says so instead. */
const PUBLIC_URL_MISSING =
  'Links to the conversation need PUBLIC_URL (e.g. PUBLIC_URL=https://example.com in the environment or .env, then restart).';

const SENDER_LABEL: Record<Message['senderType'], string> = { visitor: 'Visitor', admin: 'You', ai: 'Assistant' };

/** Why the assistant handed a question over, from what its message recorded. */
const HANDOVER_REASONS: Record<string, string> = {
  'human-requested': 'the visitor asked for a person',
  upset: 'the visitor seems upset',
  urgent: 'the visitor says it is urgent',
  failure: 'the AI provider failed',
  'rate-limit': "the conversation reached the assistant's hourly reply limit",
  budget: "the site's daily AI token budget is used up",
};

export const isHandover = (message: Message) => message.senderType === 'ai' && message.metadata?.handover === true;

function handoverReason(message: Message): string {
  const notice = message.metadata?.notice;
  return (typeof notice === 'string' && HANDOVER_REASONS[notice]) || 'the answer is not in the portfolio';
}

export type OwnerMailInput = {
  conversation: Conversation;
  messages: Message[];
  followUp: boolean;
  pageUrl: string | null;
  language: string;
  inboxUrl: string | null;
};

function assistantSummary(messages: Message[]): string {
  const handover = [...messages].reverse().find(isHandover);
  if (handover) return `The assistant handed the conversation over to you: ${handoverReason(handover)}.`;
  if (messages.some((message) => message.senderType === 'ai')) return 'The assistant answered.';
  return 'The assistant did not answer.';
}

const visitorLabel = (conversation: Conversation) => conversation.visitorName ?? conversation.visitorEmail ?? 'A visitor';

function layout(paragraphs: string[], transcript: Message[], link: { url: string | null; label: string }): { text: string; html: string } {
  const lines = transcript.map((message) => `${SENDER_LABEL[message.senderType]} (${message.createdAt.toISOString().slice(11, 16)} UTC): ${messageText(message.content)}`);
  const linkText = link.url ? `${link.label}: ${link.url}` : PUBLIC_URL_MISSING;
  const text = [...paragraphs, '', ...lines, '', linkText].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    '<table cellpadding="6" style="border-collapse:collapse">',
    ...transcript.map(
      (message) =>
        `<tr><td style="vertical-align:top;color:#475569"><b>${SENDER_LABEL[message.senderType]}</b></td><td style="white-space:pre-wrap">${escapeHtml(messageText(message.content))}</td></tr>`,
    ),
    '</table>',
    link.url ? `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>` : `<p>${escapeHtml(PUBLIC_URL_MISSING)}</p>`,
    '</body></html>',
  ].join('\n');
  return { text, html };
}

export function ownerMail(to: string, input: OwnerMailInput): OutgoingMail {
  const { conversation } = input;
  const who = visitorLabel(conversation);
  const handedOver = input.messages.some(isHandover);
  const subject = handedOver
    ? `${who} needs you: the assistant handed the chat over`
    : input.followUp
      ? `More messages from ${who}`
      : `New chat message from ${who}`;
  const details = [
    `Name: ${conversation.visitorName ?? 'not given'}`,
    `E-mail: ${conversation.visitorEmail ?? 'not given'}`,
    `Page: ${input.pageUrl ?? 'unknown'}`,
    `Language: ${input.language}`,
  ].join(' · ');
  const intro = input.followUp ? `${who} wrote again and nobody has read it yet.` : `${who} wrote in the chat and nobody has read it yet.`;
  return {
    to,
    subject,
    ...layout([intro, details, assistantSummary(input.messages)], input.messages, { url: input.inboxUrl, label: 'Open the conversation' }),
  };
}

export function ownerSummaryMail(to: string, input: { waiting: number; inboxUrl: string | null; maxPerHour: number }): OutgoingMail {
  const intro = `${input.waiting} more conversation${input.waiting === 1 ? '' : 's'} got messages nobody has read. Past ${input.maxPerHour} mails an hour they are counted here instead of mailed one by one.`;
  return { to, subject: `${input.waiting} more chat${input.waiting === 1 ? ' is' : 's are'} waiting for you`, ...layout([intro], [], { url: input.inboxUrl, label: 'Open the inbox' }) };
}

export function visitorReplyMail(
  to: string,
  input: { ownerName: string; replies: Message[]; resumeUrl: string | null; unsubscribeUrl: string | null; language: string },
): OutgoingMail {
  const indonesian = input.language === 'id';
  const intro = indonesian
    ? `${input.ownerName} membalas pesan Anda di chat:`
    : `${input.ownerName} replied to you in the chat:`;
  const label = indonesian ? 'Lanjutkan percakapan di browser' : 'Continue the conversation in your browser';
  const { text, html } = layout([intro], input.replies, { url: input.resumeUrl, label });
  const unsubscribe = indonesian ? 'Berhenti menerima e-mail tentang percakapan ini' : 'Stop e-mails about this conversation';
  const footerText = input.unsubscribeUrl ? `\n\n${unsubscribe}: ${input.unsubscribeUrl}` : '';
  const footerHtml = input.unsubscribeUrl ? `<p style="font-size:12px"><a href="${escapeHtml(input.unsubscribeUrl)}">${escapeHtml(unsubscribe)}</a></p>` : '';
  return {
    to,
    subject: indonesian ? `Balasan dari ${input.ownerName}` : `${input.ownerName} replied`,
    text: text + footerText,
    html: html.replace('</body>', `${footerHtml}</body>`),
    ...(input.unsubscribeUrl
      ? { headers: { 'List-Unsubscribe': `<${input.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
      : {}),
  };
}
