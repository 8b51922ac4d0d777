import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  aiProviders,
  chatLanguages,
  conversationMoods,
  conversationStatuses,
  handoverReasons,
  messageStatuses,
  senderTypes,
  unansweredReasons,
  unansweredStatuses,
  notificationKinds,
  notificationStatuses,
  type CoreValue,
  type MessageMetadata,
  type ProjectListItem,
} from './types';

/*
 * The SQLite shape of the schema. src/db/schema/mysql.ts declares the same
 * tables and columns for MySQL; tests/db/schema-parity.test.ts fails when the
 * two drift apart. Timestamps are written by the app (millisecond Dates) so
 * both dialects store the same values.
 */

const id = () => integer('id').primaryKey({ autoIncrement: true });
const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });
const createdAt = () => timestamp('created_at').notNull().$defaultFn(() => new Date());
const updatedAt = () =>
  timestamp('updated_at')
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());
const flag = (name: string) => integer(name, { mode: 'boolean' });
const jsonList = <T>(name: string) =>
  text(name, { mode: 'json' })
    .$type<T[]>()
    .notNull()
    .$defaultFn(() => []);
const sortOrder = () => integer('sort_order').notNull().default(0);
const isSample = () => flag('is_sample').notNull().default(false);

export const users = sqliteTable('users', {
  id: id(),
  name: text('name', { length: 255 }).notNull(),
  email: text('email', { length: 255 }).notNull().unique(),
  passwordHash: text('password_hash', { length: 255 }).notNull(),
  lastLoginAt: timestamp('last_login_at'),
  /** Where the last successful sign-in came from: that address is not locked out by failures from others. */
  lastLoginIp: text('last_login_ip', { length: 45 }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * Signed-in admin sessions. The session cookie's token names its row (the
 * JWT id) and is honoured only while that row exists: signing out deletes
 * it, "sign out everywhere" and a password reset delete all of a user's.
 */
export const adminSessions = sqliteTable(
  'admin_sessions',
  {
    id: text('id', { length: 64 }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at').notNull(),
  },
  (table) => [index('admin_sessions_user_idx').on(table.userId), index('admin_sessions_expires_idx').on(table.expiresAt)],
);

export const about = sqliteTable('about', {
  id: id(),
  name: text('name', { length: 255 }).notNull(),
  title: text('title', { length: 255 }).notNull(),
  location: text('location', { length: 255 }).notNull(),
  narrativeTitle: text('narrative_title', { length: 255 }).notNull(),
  narrativeContent: text('narrative_content').notNull(),
  coreValues: jsonList<CoreValue>('core_values'),
  interests: jsonList<string>('interests'),
  email: text('email', { length: 255 }),
  availability: text('availability'),
  isSample: isSample(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const techStack = sqliteTable('tech_stack', {
  id: id(),
  title: text('title', { length: 255 }).notNull(),
  description: text('description').notNull(),
  category: text('category', { length: 100 }),
  iconName: text('icon_name', { length: 255 }).notNull(),
  iconColor: text('icon_color', { length: 50 }).notNull(),
  bgColor: text('bg_color', { length: 50 }).notNull(),
  sortOrder: sortOrder(),
  isSample: isSample(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const career = sqliteTable('career', {
  id: id(),
  year: text('year', { length: 100 }).notNull(),
  title: text('title', { length: 255 }).notNull(),
  subtitle: text('subtitle', { length: 255 }).notNull(),
  description: text('description').notNull(),
  techStack: jsonList<string>('tech_stack'),
  keyProjects: jsonList<string>('key_projects'),
  projectList: jsonList<ProjectListItem>('project_list'),
  bulletPoints: jsonList<string>('bullet_points'),
  sortOrder: sortOrder(),
  isSample: isSample(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const projects = sqliteTable('projects', {
  id: id(),
  name: text('name', { length: 255 }).notNull(),
  description: text('description').notNull(),
  techStack: jsonList<string>('tech_stack'),
  year: text('year', { length: 50 }),
  url: text('url', { length: 2048 }),
  repoUrl: text('repo_url', { length: 2048 }),
  sortOrder: sortOrder(),
  isSample: isSample(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Questions and answers the owner writes for visitors ("People ask"); the assistant answers from the published ones. */
export const portfolioQa = sqliteTable('portfolio_qa', {
  id: id(),
  question: text('question').notNull(),
  answer: text('answer').notNull(),
  language: text('language', { enum: chatLanguages }),
  published: flag('published').notNull().default(true),
  sortOrder: sortOrder(),
  isSample: isSample(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const chatSettings = sqliteTable('chat_settings', {
  id: id(),
  aiEnabled: flag('ai_enabled').notNull().default(true),
  aiProvider: text('ai_provider', { enum: aiProviders }).notNull().default('local'),
  aiModel: text('ai_model', { length: 100 }).notNull().default('gpt-4o-mini'),
  aiTemperature: real('ai_temperature').notNull().default(0.7),
  aiSystemPrompt: text('ai_system_prompt'),
  /** The English texts; the Indonesian ones sit beside them. */
  welcomeMessage: text('welcome_message'),
  offlineMessage: text('offline_message'),
  welcomeMessageIndonesian: text('welcome_message_indonesian'),
  offlineMessageIndonesian: text('offline_message_indonesian'),
  /** E-mail notifications (they also need SMTP_URL); a null timing means the environment's default. */
  notifyEnabled: flag('notify_enabled').notNull().default(true),
  notifyOnlyHandovers: flag('notify_only_handovers').notNull().default(false),
  /** Whether the visitor's chat asks for a rating once the owner resolves the conversation. */
  ratingsEnabled: flag('ratings_enabled').notNull().default(true),
  notifyAfterSeconds: integer('notify_after_seconds'),
  notifyDigestMinutes: integer('notify_digest_minutes'),
  /** The origins whose pages may embed the chat (/embed.js); null: the server's EMBED_ORIGINS. */
  embedOrigins: text('embed_origins', { mode: 'json' }).$type<string[]>(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const conversations = sqliteTable(
  'conversations',
  {
    id: id(),
    /** What the API, channel names and URLs call the conversation: random, so ids cannot be guessed or counted. */
    publicId: text('public_id', { length: 32 }).notNull(),
    visitorId: text('visitor_id', { length: 100 }).notNull(),
    visitorName: text('visitor_name', { length: 255 }),
    visitorEmail: text('visitor_email', { length: 255 }),
    status: text('status', { enum: conversationStatuses }).notNull().default('active'),
    isAiHandled: flag('is_ai_handled').notNull().default(true),
    needsHuman: flag('needs_human').notNull().default(false),
    /** Set when a visitor's message read as upset or urgent; null again once the owner clears the mark. */
    mood: text('mood', { enum: conversationMoods }),
    moodAt: timestamp('mood_at'),
    lastMessageAt: timestamp('last_message_at').notNull().$defaultFn(() => new Date()),
    visitorLastSeenAt: timestamp('visitor_last_seen_at'),
    adminLastSeenAt: timestamp('admin_last_seen_at'),
    /** When it was last resolved: the visitor is asked to rate each resolution once. */
    /** The admin the conversation is assigned to (null: unassigned); their inbox and alerts get it first. */
    assignedAdminId: integer('assigned_admin_id').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at'),
    /** The visitor's answer to "How was this conversation?" (1–5), for its latest resolution. */
    rating: integer('rating'),
    ratingComment: text('rating_comment', { length: 1000 }),
    ratedAt: timestamp('rated_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('conversations_public_id_uq').on(table.publicId),
    index('conversations_status_last_message_idx').on(table.status, table.lastMessageAt),
    index('conversations_last_message_idx').on(table.lastMessageAt),
    // The marked conversations the inbox's first page always carries.
    index('conversations_mood_last_message_idx').on(table.mood, table.lastMessageAt),
    index('conversations_visitor_idx').on(table.visitorId),
    index('conversations_assigned_idx').on(table.assignedAdminId, table.lastMessageAt),
    // The insights bucket conversations by the UTC day they started.
    index('conversations_created_idx').on(table.createdAt),
  ],
);

export const messages = sqliteTable(
  'messages',
  {
    id: id(),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    senderType: text('sender_type', { enum: senderTypes }).notNull(),
    senderId: integer('sender_id'),
    content: text('content').notNull(),
    clientMessageId: text('client_message_id', { length: 64 }),
    status: text('status', { enum: messageStatuses }).notNull().default('sent'),
    readAt: timestamp('read_at'),
    /** Set on the assistant's message that handed the conversation to the owner, and only there (the insights count them). */
    handoverReason: text('handover_reason', { enum: handoverReasons }),
    /** The image this message carries (uploads.id); each upload is sent once. */
    uploadId: text('upload_id', { length: 32 }),
    metadata: text('metadata', { mode: 'json' }).$type<MessageMetadata>(),
    createdAt: createdAt(),
  },
  (table) => [
    index('messages_conversation_id_idx').on(table.conversationId, table.id),
    // "Has the owner written since?" reads only this conversation's admin messages (on InnoDB it then locks only
    // that range, not every newer message of every conversation).
    index('messages_conversation_sender_idx').on(table.conversationId, table.senderType, table.id),
    uniqueIndex('messages_conversation_client_message_uq').on(table.conversationId, table.clientMessageId),
    // Hand-overs by reason over a period: NULLs (almost every message) sort first and are skipped by the range.
    uniqueIndex('messages_upload_uq').on(table.uploadId),
    index('messages_handover_reason_created_idx').on(table.handoverReason, table.createdAt),
  ],
);

export const chatSessions = sqliteTable(
  'chat_sessions',
  {
    id: id(),
    tokenHash: text('token_hash', { length: 64 }).notNull(),
    visitorId: text('visitor_id', { length: 100 }).notNull(),
    conversationId: integer('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    ipAddress: text('ip_address', { length: 45 }),
    userAgent: text('user_agent', { length: 512 }),
    pageUrl: text('page_url', { length: 2048 }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at').notNull().$defaultFn(() => new Date()),
    expiresAt: timestamp('expires_at').notNull(),
  },
  (table) => [
    uniqueIndex('chat_sessions_token_hash_uq').on(table.tokenHash),
    index('chat_sessions_conversation_idx').on(table.conversationId),
    index('chat_sessions_expires_idx').on(table.expiresAt),
  ],
);

/**
 * Tokens the paid AI providers used per UTC day (YYYY-MM-DD) and model, so AI_DAILY_TOKEN_BUDGET (the day's sum)
 * holds across restarts and instances and the insights can price each model. Rows from before models were
 * recorded have the model ''.
 */
export const aiUsage = sqliteTable(
  'ai_usage',
  {
    id: id(),
    day: text('day', { length: 10 }).notNull(),
    model: text('model', { length: 100 }).notNull().default(''),
    tokens: integer('tokens').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('ai_usage_day_model_uq').on(table.day, table.model)],
);

/**
 * What the owner says a model costs, per million tokens, input and output alike: ai_usage counts only their
 * sum, and the figure is an estimate anyway. A model without a row costs nothing in the insights.
 */
export const aiModelPrices = sqliteTable(
  'ai_model_prices',
  {
    id: id(),
    model: text('model', { length: 100 }).notNull(),
    pricePerMillion: real('price_per_million').notNull(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('ai_model_prices_model_uq').on(table.model)],
);

/**
 * Who is in a presence channel, as Pusher's webhooks report it (REALTIME_DRIVER=pusher): serverless
 * functions share no memory. `changedAt` is the time Pusher stamped on the change, so a late webhook
 * cannot undo a newer one.
 */
export const realtimePresence = sqliteTable(
  'realtime_presence',
  {
    id: id(),
    channel: text('channel', { length: 200 }).notNull(),
    memberId: text('member_id', { length: 100 }).notNull(),
    present: flag('present').notNull(),
    changedAt: timestamp('changed_at').notNull(),
  },
  (table) => [uniqueIndex('realtime_presence_channel_member_uq').on(table.channel, table.memberId)],
);

/** Signatures of webhook batches already handled, kept for the replay window: a batch sent twice is refused. */
export const webhookReceipts = sqliteTable(
  'webhook_receipts',
  {
    id: id(),
    signature: text('signature', { length: 64 }).notNull(),
    receivedAt: timestamp('received_at').notNull(),
  },
  (table) => [uniqueIndex('webhook_receipts_signature_uq').on(table.signature), index('webhook_receipts_received_idx').on(table.receivedAt)],
);

/**
 * Questions the assistant handed to the owner. A question asked again with
 * the same meaning raises `count` on its row (`normalized` is the key it is
 * compared by) and adds its conversation to `conversationIds`.
 */
export const unansweredQuestions = sqliteTable(
  'unanswered_questions',
  {
    id: id(),
    text: text('text').notNull(),
    normalized: text('normalized').notNull(),
    language: text('language', { enum: chatLanguages }).notNull(),
    reason: text('reason', { enum: unansweredReasons }).notNull(),
    status: text('status', { enum: unansweredStatuses }).notNull().default('open'),
    count: integer('count').notNull().default(1),
    conversationIds: jsonList<string>('conversation_ids'),
    firstAskedAt: timestamp('first_asked_at').notNull(),
    lastAskedAt: timestamp('last_asked_at').notNull(),
  },
  (table) => [
    index('unanswered_questions_status_last_asked_idx').on(table.status, table.lastAskedAt),
    index('unanswered_questions_last_asked_idx').on(table.lastAskedAt),
  ],
);

/**
 * The e-mail outbox. A notification is written here first and sent later by
 * the worker of some instance, which claims the row with a lease
 * (`claimToken`, `claimedUntil`) so exactly one instance sends it; a process
 * that dies keeps nothing: the lease runs out and another claim takes it.
 * `dedupeKey` is set while a row is pending and cleared when it is done, so a
 * conversation has at most one pending mail of a sort (the digest).
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: id(),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    /** The conversation's public id (the summary mail has none). */
    conversationId: text('conversation_id', { length: 32 }),
    dedupeKey: text('dedupe_key', { length: 100 }),
    status: text('status', { enum: notificationStatuses }).notNull().default('pending'),
    /** When it may be sent (first, or again after a failure). */
    dueAt: timestamp('due_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    claimToken: text('claim_token', { length: 36 }),
    claimedUntil: timestamp('claimed_until'),
    /** The last message the sent mail showed: the follow-up starts after it. */
    upToMessageId: integer('up_to_message_id'),
    recipient: text('recipient', { length: 255 }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at'),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('notifications_dedupe_key_uq').on(table.dedupeKey),
    index('notifications_status_due_idx').on(table.status, table.dueAt),
    index('notifications_conversation_idx').on(table.conversationId, table.kind),
    index('notifications_sent_idx').on(table.sentAt),
  ],
);

/** Addresses that unsubscribed from a conversation's mails (the link in every visitor mail): nothing more is sent to them about it. */
export const emailUnsubscribes = sqliteTable(
  'email_unsubscribes',
  {
    id: id(),
    conversationId: text('conversation_id', { length: 32 }).notNull(),
    email: text('email', { length: 255 }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('email_unsubscribes_conversation_email_uq').on(table.conversationId, table.email)],
);

/**
 * The "continue on another device" links already used (their JWT ids): each
 * opens one new session once. Kept until the link would have expired anyway.
 */
export const deviceLinkClaims = sqliteTable(
  'device_link_claims',
  {
    id: id(),
    linkId: text('link_id', { length: 36 }).notNull(),
    expiresAt: timestamp('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('device_link_claims_link_uq').on(table.linkId), index('device_link_claims_expires_idx').on(table.expiresAt)],
);

/**
 * The owner's saved replies, offered by the `/` picker in the admin's reply
 * box. `shortcut` is stored without its slash; several replies may have none
 * (NULLs do not collide in a unique index on either dialect).
 */
export const savedReplies = sqliteTable(
  'saved_replies',
  {
    id: id(),
    title: text('title', { length: 100 }).notNull(),
    text: text('text').notNull(),
    shortcut: text('shortcut', { length: 32 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('saved_replies_shortcut_uq').on(table.shortcut)],
);

/**
 * Invitations to join the team of admins: the link carries a JWT whose id is
 * `linkId`; accepting it creates the admin and stamps `acceptedAt`, once.
 */
export const adminInvitations = sqliteTable(
  'admin_invitations',
  {
    id: id(),
    linkId: text('link_id', { length: 36 }).notNull(),
    email: text('email', { length: 255 }).notNull(),
    invitedBy: integer('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at').notNull(),
    acceptedAt: timestamp('accepted_at'),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('admin_invitations_link_uq').on(table.linkId)],
);

/**
 * Images sent in a conversation, re-encoded on arrival (src/chat/server/uploads). The id is random (never
 * sequential) and names the stored bytes, on disk or in the bucket.
 */
export const uploads = sqliteTable(
  'uploads',
  {
    id: text('id', { length: 32 }).primaryKey(),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    uploadedBy: text('uploaded_by', { enum: senderTypes }).notNull(),
    contentType: text('content_type', { length: 32 }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('uploads_conversation_idx').on(table.conversationId)],
);
