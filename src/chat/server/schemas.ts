import { z } from 'zod';
import { SAVED_REPLIES_FILE_VERSION, SAVED_REPLY_LIMITS, SAVED_REPLY_SHORTCUT_PATTERN } from '@/chat/saved-replies';
import { chatLanguages, conversationStatuses } from '@/db/schema/types';
import { RATING_COMMENT_MAX } from '@/chat/ratings';
import { transcriptFormats } from './transcript/transcript';

/*
 * Input shapes of the chat API. Query strings arrive as strings, so message
 * ids and numbers there are parsed from digits only ("1e3", "0x10", " 5" are
 * refused). A conversation id is any string: one that names no conversation
 * the caller may see, malformed or not, is the same 404 as an unknown one.
 */

export const MAX_MESSAGE_LENGTH = 2000;
export const MAX_PAGE_URL_LENGTH = 2048;

export const assigneeFilters = ['all', 'mine', 'unassigned'] as const;

/** A conversation's public id, in a JSON body or a query string. */
export const conversationIdInput = z.string();

/** A positive database id, in a JSON body. */
const idNumber = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A positive database id, in a query string or a path segment. */
export const idString = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'Must be a positive whole number.')
  .transform(Number);

const countString = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'Must be a whole number.')
    .transform(Number)
    .pipe(z.number().min(min, `Must be at least ${min}.`).max(max, `Must be at most ${max}.`));

/** What the browser sends back through the bot gate: the solved ALTCHA challenge, or Turnstile's token. */
export const botGateProofSchema = z.union([
  z.object({
    challenge: z.object({ parameters: z.record(z.string(), z.unknown()), signature: z.string().max(256) }),
    solution: z.object({ counter: z.number(), derivedKey: z.string().max(256) }),
  }),
  z.object({ turnstileToken: z.string().min(1).max(2048) }),
]);
export type BotGateProof = z.infer<typeof botGateProofSchema>;

/** Anything that is not a usable token simply means "start a new session"; an unusable proof, that none came. */
export const sessionInputSchema = z.object({
  sessionToken: z.string().max(100).nullish().catch(undefined),
  botGate: botGateProofSchema.optional().catch(undefined),
  /** The honeypot: the widget always sends it empty. */
  website: z.unknown().optional(),
  /** The chat's language in the widget (en/id); anything else falls back to the browser's Accept-Language. */
  locale: z.enum(chatLanguages).nullish().catch(undefined),
  pageUrl: z
    .string()
    .trim()
    .transform((url) => url.slice(0, MAX_PAGE_URL_LENGTH))
    .nullish()
    .catch(undefined),
});
export type SessionInput = z.infer<typeof sessionInputSchema>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => value || undefined)
    .optional();

/** An upload's id: 32 random hex digits. */
export const uploadIdInput = z.string().regex(/^[0-9a-f]{32}$/, 'Not an upload id.');

export const sendInputSchema = z.object({
  // The plans' clients send null for "a new conversation".
  conversationId: conversationIdInput.nullish().transform((id) => id ?? undefined),
  /** May be empty only when the message carries an image. */
  content: z
    .string('Write a message.')
    .trim()
    .max(MAX_MESSAGE_LENGTH, `Use at most ${MAX_MESSAGE_LENGTH} characters.`),
  /** An image uploaded to this conversation (POST /api/chat/uploads), sent with the message. */
  uploadId: uploadIdInput.optional(),
  visitorName: optionalText(100),
  visitorEmail: z
    .string()
    .trim()
    .max(255)
    .transform((value) => value || undefined)
    .pipe(z.email('Enter a valid email address.').optional())
    .optional(),
  clientMessageId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use 1 to 64 letters, digits, "-" or "_".')
    .optional(),
}).refine((input) => input.content.length > 0 || input.uploadId !== undefined, { message: 'Write a message.', path: ['content'] });
export type SendInput = z.infer<typeof sendInputSchema>;

export const messagesQuerySchema = z
  .object({
    conversationId: conversationIdInput,
    limit: countString(1, 100).default(50),
    before: idString.optional(),
    after: idString.optional(),
  })
  .refine((query) => query.before === undefined || query.after === undefined, {
    message: 'Use either before or after, not both.',
    path: ['before'],
  });
export type MessagesQuery = z.infer<typeof messagesQuerySchema>;

export const readInputSchema = z.object({
  conversationId: conversationIdInput,
  upToMessageId: idNumber,
});
export type ReadInput = z.infer<typeof readInputSchema>;

/** Over HTTP and Socket.IO alike: a client acknowledges in chunks of at most this many. */
const MAX_DELIVERED_IDS = 200;

export const deliveredInputSchema = z.object({
  conversationId: conversationIdInput,
  messageIds: z.array(idNumber).min(1).max(MAX_DELIVERED_IDS, `Acknowledge at most ${MAX_DELIVERED_IDS} messages at once.`),
});
export type DeliveredInput = z.infer<typeof deliveredInputSchema>;

/** A keyset position as the API hands it out: `<epoch ms>-<id>`, opaque to clients. */
export const conversationCursorString = z
  .string()
  .regex(/^\d{1,15}-[1-9]\d{0,14}$/, 'Use the nextCursor of an earlier answer.')
  .transform((cursor) => {
    const [at, id] = cursor.split('-');
    return { at: new Date(Number(at)), id: Number(id) };
  });

export const conversationsQuerySchema = z
  .object({
    status: z.enum([...conversationStatuses, 'all']).default('all'),
    page: countString(1, 100_000).optional(),
    /** The next page after an earlier answer's `nextCursor` (stable while messages arrive), instead of `page`. */
    cursor: conversationCursorString.optional(),
    /** Resync: the conversations changed since an earlier answer's `syncedAt`, whatever the filter. */
    changedSince: z.iso.datetime({ offset: true }).transform((since) => new Date(since)).optional(),
    limit: countString(1, 100).default(20),
    q: z.string().trim().max(200, 'Use at most 200 characters.').optional(),
    /** Whose conversations: the asking admin's, nobody's, or all. */
    assigned: z.enum(assigneeFilters, `Choose one of: ${assigneeFilters.join(', ')}.`).default('all'),
  })
  .refine((query) => query.page === undefined || (query.cursor === undefined && query.changedSince === undefined), {
    message: 'Use page, or cursor / changedSince, not both.',
    path: ['page'],
  });
export type ConversationsQuery = z.infer<typeof conversationsQuerySchema>;

export const conversationPatchSchema = z
  .object({
    status: z.enum(conversationStatuses).optional(),
    isAiHandled: z.boolean().optional(),
    /** An admin's id, or null to unassign. */
    assignedAdminId: idNumber.nullable().optional(),
    /** Only clearing: the mark is the visitor's messages' to set (src/ai/mood.ts). */
    mood: z.null({ error: 'Only null: clear the mark.' }).optional(),
  })
  .strict()
  .refine((patch) => patch.status !== undefined || patch.isAiHandled !== undefined || patch.assignedAdminId !== undefined || patch.mood !== undefined, {
    message: 'Change status, isAiHandled, assignedAdminId or mood.',
    path: ['_'],
  });
export type ConversationPatch = z.infer<typeof conversationPatchSchema>;

/** The query string as a plain object for a schema; a repeated key keeps its last value. */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/** The conversation whose devices are listed, linked or signed out (a visitor may name only its own). */
export const deviceConversationSchema = z.object({ conversationId: conversationIdInput });

/** A device's id in `/api/chat/devices/:id`. */
export const deviceIdSchema = z.object({ id: idString });

export const transcriptQuerySchema = z.object({
  format: z.enum(transcriptFormats, `Choose a format: ${transcriptFormats.join(', ')}.`),
  /** The language of the document's labels; the visitor's own when left out. */
  lang: z.enum(chatLanguages).optional(),
});

const replyTitle = z
  .string('Give the reply a title.')
  .trim()
  .min(1, 'Give the reply a title.')
  .max(SAVED_REPLY_LIMITS.title, `Use at most ${SAVED_REPLY_LIMITS.title} characters.`);
const replyText = z
  .string('Write the reply.')
  .trim()
  .min(1, 'Write the reply.')
  .max(SAVED_REPLY_LIMITS.text, `Use at most ${SAVED_REPLY_LIMITS.text} characters.`);
/** "/rates" or "rates" stores "rates"; empty or null means none. */
const replyShortcut = z
  .string('Must be text.')
  .trim()
  .transform((shortcut) => shortcut.replace(/^\//, ''))
  .refine((shortcut) => shortcut === '' || SAVED_REPLY_SHORTCUT_PATTERN.test(shortcut), {
    message: `Use 1 to ${SAVED_REPLY_LIMITS.shortcut} lowercase letters, digits, "-" or "_" after the "/".`,
  })
  .transform((shortcut) => shortcut || null)
  .nullable();

export const savedReplyInputSchema = z.object({
  title: replyTitle,
  text: replyText,
  shortcut: replyShortcut.optional().transform((shortcut) => shortcut ?? null),
});
export type SavedReplyInput = z.infer<typeof savedReplyInputSchema>;

export const savedReplyPatchSchema = z
  .object({ title: replyTitle.optional(), text: replyText.optional(), shortcut: replyShortcut.optional() })
  .strict()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: 'Change title, text or shortcut.', path: ['_'] });
export type SavedReplyPatch = z.infer<typeof savedReplyPatchSchema>;

/** A saved reply's id in `/api/chat/saved-replies/:id`. */
export const savedReplyIdSchema = z.object({ id: idString });

/** An export file, checked whole before anything is written: each shortcut at most once, no more replies than the cap. */
export const savedRepliesFileSchema = z.object({
  version: z.literal(SAVED_REPLIES_FILE_VERSION, `Only version ${SAVED_REPLIES_FILE_VERSION} files (what the export writes) can be imported.`),
  replies: z
    .array(savedReplyInputSchema, 'Must be a list of replies.')
    .max(SAVED_REPLY_LIMITS.count, `A file holds at most ${SAVED_REPLY_LIMITS.count} replies.`)
    .superRefine((replies, context) => {
      const first = new Map<string, number>();
      replies.forEach(({ shortcut }, index) => {
        if (shortcut === null) return;
        const earlier = first.get(shortcut);
        if (earlier === undefined) first.set(shortcut, index);
        else context.addIssue({ code: 'custom', path: [index, 'shortcut'], message: `"/${shortcut}" is also the shortcut of reply ${earlier + 1}.` });
      });
    }),
});
export type SavedRepliesFileInput = z.infer<typeof savedRepliesFileSchema>;

export const ratingInputSchema = z.object({
  conversationId: conversationIdInput,
  rating: z.number('Choose from 1 to 5.').int('Choose from 1 to 5.').min(1, 'Choose from 1 to 5.').max(5, 'Choose from 1 to 5.'),
  comment: z
    .string('Must be text.')
    .trim()
    .max(RATING_COMMENT_MAX, `Use at most ${RATING_COMMENT_MAX} characters.`)
    .transform((comment) => comment || null)
    .nullish(),
});
export type RatingInput = z.infer<typeof ratingInputSchema>;
