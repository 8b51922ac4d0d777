import {
  aliasedTable,
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  getTableColumns,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  max,
  ne,
  notExists,
  or,
  sql,
  type AnyColumn,
  type SQL,
} from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { isConversationId } from '@/chat/conversation-id';
import type { Database, Db, ReadDb, Tables } from '../client';
import { preparedQuery } from './prepared';
import { firstOrNull } from './select';
import type { ConversationMood, ConversationStatus, HandoverReason, MessageMetadata, MessageStatus, SenderType } from '../schema/types';

/*
 * The chat data layer: visitor sessions, conversations and messages. Every
 * function here is what the chat API and the realtime layer call; none of
 * them publishes events, so callers emit after the write has committed.
 *
 * Lock order on MySQL/InnoDB: a transaction that touches a conversation row
 * and its messages always updates the conversation row first. That row lock
 * serialises writers of one conversation, so concurrent sends and reads
 * cannot deadlock on the messages' index gaps.
 *
 * Expected outcomes (a missing row, a lost race) leave a transaction by
 * returning, never by throwing: on SQLite a rollback would also undo any
 * unrelated write that another request ran on the shared connection while
 * the transaction was open.
 *
 * A conversation is named by its random public id everywhere outside this
 * file (`Conversation.id`, `Message.conversationId`, `ChatSession.conversationId`):
 * the numeric key, which would tell how many conversations the site has had,
 * is used here for joins and never returned.
 */

/** Sessions, conversations and messages name their conversation by its public id (src/chat/conversation-id.ts). */
export type ChatSession = Omit<Tables['chatSessions']['$inferSelect'], 'conversationId'> & { conversationId: string | null };
export type Conversation = Omit<Tables['conversations']['$inferSelect'], 'id' | 'publicId'> & { id: string };
/** `handoverReason` is left out: it is for the insights, not part of what a message says to anyone. */
export type Message = Omit<Tables['messages']['$inferSelect'], 'conversationId' | 'handoverReason'> & { conversationId: string };

/** The two sides of a conversation: the visitor, and the owner's side (the admin and the AI speaking for them). */
export type ChatParticipant = 'visitor' | 'admin';

export type ConversationStatusFilter = ConversationStatus | 'all';
/** An admin's id, null for "unassigned", undefined for anyone's. */
export type AssigneeFilter = number | null | undefined;

export type ConversationListItem = Conversation & {
  lastMessage: Pick<Message, 'content' | 'senderType' | 'createdAt'> | null;
  /** Visitor messages the admin has not read yet. */
  unreadCount: number;
};

/** What the owner sees about a conversation's visitor, from their latest chat session. */
export type VisitorDetails = Pick<ChatSession, 'lastSeenAt' | 'pageUrl' | 'userAgent'> & { firstSeenAt: Date };

export type ConversationDetails = ConversationListItem & { visitor: VisitorDetails | null };

/** Where a keyset page ends: the last row's sort key. */
/** Where a keyset page ends: the row's time and its internal key (the inbox is the owner's, never a visitor's). */
export type ConversationCursor = { at: Date; id: number };

export type ConversationPage = {
  conversations: ConversationListItem[];
  pagination: { total: number; page: number; limit: number; totalPages: number };
  /** Continues this listing after its last row (keyset), or null when there is no more. */
  nextCursor: ConversationCursor | null;
};

export type ConversationKeysetPage = { conversations: ConversationListItem[]; nextCursor: ConversationCursor | null };

/** Visitor questions nobody has answered yet, each the latest message of its conversation, paged like the inbox. */
export type AwaitingQuestionPage = { questions: Message[]; nextCursor: ConversationCursor | null };

export type MessagePage = {
  /** Always oldest first, ready to display. */
  messages: Message[];
  /** More messages exist in the direction that was asked for. */
  hasMore: boolean;
  /** The cursor for the next page in the same direction (`before` or `after`), or null when there is none. */
  nextCursor: number | null;
};

/** At most one of the two: `before` pages back through history, `after` fills a gap forward. */
export type MessageCursor = { before?: number; after?: number };

/** Messages still waiting for their recipient: they can become delivered or read. */
const UNREAD_STATUSES: MessageStatus[] = ['sent', 'delivered'];

/** The sender types whose messages `participant` receives. */
export function senderTypesReceivedBy(participant: ChatParticipant): SenderType[] {
  return participant === 'visitor' ? ['admin', 'ai'] : ['visitor'];
}

/** A LIKE pattern matching `text` anywhere, with `%`, `_` and the escape character taken literally. */
/** A fresh public id: 128 random bits as 32 hex characters. */
const newConversationId = () => randomBytes(16).toString('hex');

/** A conversation row with its internal key, which never leaves this file. */
type ConversationRow = Conversation & { key: number };

function withoutKey<T extends { key: number }>({ key: _key, ...rest }: T): Omit<T, 'key'> {
  return rest;
}

function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (char) => `!${char}`)}%`;
}

/** `'!'` rather than a backslash: MySQL reads `'\\'` as one character, SQLite as two. */
const likeEscaped = (column: AnyColumn, pattern: string): SQL => sql`${column} like ${pattern} escape '!'`;

/** Handling flags a message write may change in the same transaction (an admin's takeover, the AI's handover). */
export type ConversationHandlingPatch = { isAiHandled?: boolean; needsHuman?: boolean };

export type NewMessage = {
  conversationId: string;
  senderType: SenderType;
  content: string;
  senderId?: number | null;
  clientMessageId?: string | null;
  metadata?: MessageMetadata | null;
  status?: MessageStatus;
  handoverReason?: HandoverReason | null;
  /** An image uploaded to this conversation (uploads.id), sent with the message. */
  uploadId?: string | null;
};

export function createChatRepository({ db, tables, transaction, insertReturningIds, affectedRows, isUniqueViolation }: Database) {
  const { chatSessions, chatSettings, conversations, messages } = tables;

  // The numeric key stays inside the repository: callers see the conversation's public id in its place.
  const { id: conversationKeyColumn, publicId: conversationPublicIdColumn, ...conversationDataColumns } = getTableColumns(conversations);
  const sessionColumns = { ...getTableColumns(chatSessions), conversationId: conversationPublicIdColumn };
  const conversationColumns = { id: conversationPublicIdColumn, ...conversationDataColumns };
  const conversationRowColumns = { key: conversationKeyColumn, ...conversationColumns };
  const { handoverReason: _insightsOnly, ...messageTableColumns } = getTableColumns(messages);
  const messageColumns = { ...messageTableColumns, conversationId: conversationPublicIdColumn };

  /** Sessions with the public id of their conversation. */
  const selectSessions = (executor: ReadDb) =>
    executor.select(sessionColumns).from(chatSessions).leftJoin(conversations, eq(conversations.id, chatSessions.conversationId));

  /** Messages with the public id of their conversation. */
  const selectMessages = (executor: ReadDb) =>
    executor.select(messageColumns).from(messages).innerJoin(conversations, eq(conversations.id, messages.conversationId));

  const sessionById = preparedQuery(db, (executor) => selectSessions(executor).where(eq(chatSessions.id, sql.placeholder('id'))).limit(1));
  const sessionByTokenHash = preparedQuery(db, (executor) =>
    selectSessions(executor).where(eq(chatSessions.tokenHash, sql.placeholder('tokenHash'))).limit(1),
  );
  const conversationRowByPublicId = preparedQuery(db, (executor) =>
    executor.select(conversationRowColumns).from(conversations).where(eq(conversations.publicId, sql.placeholder('id'))).limit(1),
  );
  const openConversationOfSession = preparedQuery(db, (executor) =>
    executor
      .select(conversationColumns)
      .from(chatSessions)
      .innerJoin(conversations, eq(conversations.id, chatSessions.conversationId))
      .where(and(eq(chatSessions.id, sql.placeholder('sessionId')), ne(conversations.status, 'closed')))
      .limit(1),
  );
  const moveLastMessageAt = preparedQuery(db, (executor) =>
    (executor as Db)
      .update(conversations)
      // Both set here: an `$onUpdate` default would be computed once, when the statement is prepared.
      .set({ lastMessageAt: sql`${sql.placeholder('at')}`, updatedAt: sql`${sql.placeholder('at')}` })
      .where(eq(conversations.id, sql.placeholder('conversationKey'))),
  );
  const messageById = preparedQuery(db, (executor) => selectMessages(executor).where(eq(messages.id, sql.placeholder('id'))).limit(1));
  const messageByClientMessageId = preparedQuery(db, (executor) =>
    selectMessages(executor)
      .where(and(eq(messages.conversationId, sql.placeholder('conversationKey')), eq(messages.clientMessageId, sql.placeholder('clientMessageId'))))
      .limit(1),
  );
  const latestMessagesOfConversation = preparedQuery(db, (executor) =>
    selectMessages(executor).where(eq(conversations.publicId, sql.placeholder('id'))).orderBy(desc(messages.id)).limit(sql.placeholder('limit')),
  );

  function getChatSessionById({ id }: { id: number }, executor: ReadDb = db): Promise<ChatSession | null> {
    return firstOrNull(sessionById({ id }, executor));
  }

  /**
   * A malformed id is simply not found, without a query. Every lookup by public id checks the shape
   * first: MySQL's case-insensitive collation would otherwise match an id written in capitals.
   */
  async function getConversationRowById({ id }: { id: string }, executor: ReadDb = db): Promise<ConversationRow | null> {
    if (!isConversationId(id)) return null;
    return firstOrNull(conversationRowByPublicId({ id }, executor));
  }

  async function getConversationById({ id }: { id: string }, executor: ReadDb = db): Promise<Conversation | null> {
    const row = await getConversationRowById({ id }, executor);
    return row && withoutKey(row);
  }

  /** The internal key of a conversation, or null when no conversation has this public id. */
  async function conversationKeyOf(id: string, executor: ReadDb): Promise<number | null> {
    return (await getConversationRowById({ id }, executor))?.key ?? null;
  }

  async function patchConversationById({ id, patch }: { id: string; patch: Partial<typeof conversations.$inferInsert> }) {
    if (Object.keys(patch).length > 0 && isConversationId(id)) {
      await transaction((tx) => tx.update(conversations).set(patch).where(eq(conversations.publicId, id)));
    }
    return getConversationById({ id });
  }

  async function getMessageByClientMessageId(
    { conversationKey, clientMessageId }: { conversationKey: number; clientMessageId: string },
    executor: ReadDb = db,
  ): Promise<Message | null> {
    return firstOrNull(messageByClientMessageId({ conversationKey, clientMessageId }, executor));
  }

  /** Adds each conversation's last message and the admin's unread count: two queries whatever the number of rows. */
  async function withLastMessageAndUnreadCount(rows: ConversationRow[]): Promise<ConversationListItem[]> {
    const ids = rows.map((row) => row.key);
    if (ids.length === 0) return [];
    const [lastMessages, unread] = await Promise.all([
      db
        .select({
          conversationId: messages.conversationId,
          content: messages.content,
          senderType: messages.senderType,
          createdAt: messages.createdAt,
        })
        .from(messages)
        .where(
          inArray(
            messages.id,
            db
              .select({ id: max(messages.id) })
              .from(messages)
              .where(inArray(messages.conversationId, ids))
              .groupBy(messages.conversationId),
          ),
        ),
      db
        .select({ conversationId: messages.conversationId, unread: count() })
        .from(messages)
        .where(
          and(
            inArray(messages.conversationId, ids),
            inArray(messages.senderType, senderTypesReceivedBy('admin')),
            inArray(messages.status, UNREAD_STATUSES),
          ),
        )
        .groupBy(messages.conversationId),
    ]);
    const lastById = new Map(lastMessages.map(({ conversationId, ...last }) => [conversationId, last]));
    const unreadById = new Map(unread.map((row) => [row.conversationId, Number(row.unread)]));
    return rows.map((row) => ({
      ...withoutKey(row),
      lastMessage: lastById.get(row.key) ?? null,
      unreadCount: unreadById.get(row.key) ?? 0,
    }));
  }

  /**
   * The session a conversation's visitor used most recently: the one bound to
   * it (indexed), or, once the visitor moved on to a newer conversation after
   * this one was closed, the latest session with the same visitor id.
   */
  async function getLatestChatSessionOfConversation(conversation: ConversationRow): Promise<ChatSession | null> {
    const latestWhere = (condition: SQL) => firstOrNull(selectSessions(db).where(condition).orderBy(desc(chatSessions.lastSeenAt)).limit(1));
    return (
      (await latestWhere(eq(chatSessions.conversationId, conversation.key))) ??
      (await latestWhere(eq(chatSessions.visitorId, conversation.visitorId)))
    );
  }

  /** Inserts the message on `tx` (the caller has already locked the conversation row) and reads it back. */
  async function insertMessage(tx: Db, conversationKey: number, input: NewMessage, now: Date): Promise<Message> {
    const [id] = await insertReturningIds(
      messages,
      [
        {
          conversationId: conversationKey,
          senderType: input.senderType,
          senderId: input.senderId ?? null,
          content: input.content,
          clientMessageId: input.clientMessageId ?? null,
          status: input.status ?? 'sent',
          metadata: input.metadata ?? null,
          handoverReason: input.handoverReason ?? null,
          uploadId: input.uploadId ?? null,
          createdAt: now,
        },
      ],
      tx,
    );
    const [message] = await messageById({ id: id! }, tx);
    return message!;
  }

  /**
   * One attempt at binding a new conversation to the session. Returns `'lost-race'`
   * when another caller bound one first (this attempt's conversation is deleted in
   * the same transaction), so the caller reads again and finds that one.
   */
  function tryGetOrCreateOpenConversation(input: {
    sessionId: number;
    visitorName?: string | null;
    visitorEmail?: string | null;
  }): Promise<{ conversation: Conversation; created: boolean } | 'lost-race' | 'no-session'> {
    return transaction(async (tx) => {
      const session = await getChatSessionById({ id: input.sessionId }, tx);
      if (!session) return 'no-session';
      const current = session.conversationId ? await getConversationRowById({ id: session.conversationId }, tx) : null;
      if (current && current.status !== 'closed') return { conversation: withoutKey(current), created: false };

      const now = new Date();
      const publicId = newConversationId();
      const [conversationKey] = await insertReturningIds(
        conversations,
        [
          {
            publicId,
            visitorId: session.visitorId,
            // A visitor starting over after a closed conversation keeps the name and email they gave.
            visitorName: input.visitorName ?? current?.visitorName ?? null,
            visitorEmail: input.visitorEmail ?? current?.visitorEmail ?? null,
            lastMessageAt: now,
            createdAt: now,
            updatedAt: now,
          },
        ],
        tx,
      );
      // Compare-and-set on the binding this transaction saw: on MySQL a concurrent
      // binder holds the row lock until it commits, then this matches 0 rows.
      const bound = await tx
        .update(chatSessions)
        .set({ conversationId: conversationKey })
        .where(
          and(
            eq(chatSessions.id, session.id),
            current ? eq(chatSessions.conversationId, current.key) : isNull(chatSessions.conversationId),
          ),
        );
      if (affectedRows(bound) === 1) {
        return { conversation: (await getConversationById({ id: publicId }, tx))!, created: true };
      }
      await tx.delete(conversations).where(eq(conversations.id, conversationKey!));
      return 'lost-race';
    });
  }

  /** Status, assignee and search conditions of the inbox, or undefined for everything. */
  function inboxFilter(status: ConversationStatusFilter, q: string | undefined, assignedTo: AssigneeFilter): SQL | undefined {
    const conditions: SQL[] = [];
    if (status !== 'all') conditions.push(eq(conversations.status, status));
    if (assignedTo === null) conditions.push(isNull(conversations.assignedAdminId));
    else if (assignedTo !== undefined) conditions.push(eq(conversations.assignedAdminId, assignedTo));
    const search = q?.trim();
    if (search) {
      const pattern = containsPattern(search);
      const matchingMessage = db
        .select({ one: sql`1` })
        .from(messages)
        .where(and(eq(messages.conversationId, conversations.id), likeEscaped(messages.content, pattern)));
      conditions.push(
        or(likeEscaped(conversations.visitorName, pattern), likeEscaped(conversations.visitorEmail, pattern), exists(matchingMessage))!,
      );
    }
    return conditions.length > 0 ? and(...conditions) : undefined;
  }

  /** Rows fetched with one extra (`limit + 1`): the page, with the cursor after it when there is more. */
  async function keysetPage(rows: ConversationRow[], limit: number, key: 'lastMessageAt' | 'updatedAt'): Promise<ConversationKeysetPage> {
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      conversations: await withLastMessageAndUnreadCount(page),
      nextCursor: rows.length > limit && last ? { at: last[key], id: last.key } : null,
    };
  }

  return {
    // ── Sessions ───────────────────────────────────────────────────────────

    /** Stores a new visitor session; `tokenHash` is the SHA-256 hex of the token, which is never stored. */
    async createChatSession(input: {
      tokenHash: string;
      visitorId: string;
      expiresAt: Date;
      ipAddress?: string | null;
      userAgent?: string | null;
      pageUrl?: string | null;
    }): Promise<ChatSession> {
      const now = new Date();
      const [id] = await transaction((tx) =>
        insertReturningIds(
          chatSessions,
          [
            {
              tokenHash: input.tokenHash,
              visitorId: input.visitorId,
              expiresAt: input.expiresAt,
              ipAddress: input.ipAddress ?? null,
              userAgent: input.userAgent ?? null,
              pageUrl: input.pageUrl ?? null,
              createdAt: now,
              lastSeenAt: now,
            },
          ],
          tx,
        ),
      );
      return (await getChatSessionById({ id: id! }))!;
    },

    getChatSessionById: ({ id }: { id: number }) => getChatSessionById({ id }),

    /** The session with this token hash, unless it has expired (expiry at or before `now`). */
    async getLiveChatSessionByTokenHash({
      tokenHash,
      now = new Date(),
    }: {
      tokenHash: string;
      now?: Date;
    }): Promise<ChatSession | null> {
      const session = await firstOrNull(sessionByTokenHash({ tokenHash }));
      return session && session.expiresAt > now ? session : null;
    },

    /** Sliding expiry: records activity, the new expiry and (when given) the page the visitor is on. */
    async touchChatSessionById({
      id,
      expiresAt,
      pageUrl,
      now = new Date(),
    }: {
      id: number;
      expiresAt: Date;
      pageUrl?: string | null;
      now?: Date;
    }): Promise<boolean> {
      const result = await transaction((tx) =>
        tx
          .update(chatSessions)
          .set({ expiresAt, lastSeenAt: now, ...(pageUrl !== undefined ? { pageUrl } : {}) })
          .where(eq(chatSessions.id, id)),
      );
      return affectedRows(result) === 1;
    },

    /** Points the session at a conversation unconditionally (null unbinds it). */
    async bindChatSessionToConversationById({
      id,
      conversationId,
    }: {
      id: number;
      conversationId: string | null;
    }): Promise<boolean> {
      const result = await transaction(async (tx) => {
        const conversationKey = conversationId === null ? null : await conversationKeyOf(conversationId, tx);
        if (conversationId !== null && conversationKey === null) return null;
        return tx.update(chatSessions).set({ conversationId: conversationKey }).where(eq(chatSessions.id, id));
      });
      return result !== null && affectedRows(result) === 1;
    },

    // ── Conversations ──────────────────────────────────────────────────────

    /**
     * The session's open conversation, created and bound on first use. Atomic:
     * concurrent first sends from one session get the same conversation. A
     * `closed` conversation is replaced by a new one; `active` and `resolved`
     * ones are returned as they are (reopening is the caller's decision).
     */
    async getOrCreateOpenConversationBySessionId(input: {
      sessionId: number;
      visitorName?: string | null;
      visitorEmail?: string | null;
    }): Promise<{ conversation: Conversation; created: boolean }> {
      // Nearly every send finds its session's conversation open: that needs no write transaction.
      const open = await firstOrNull(openConversationOfSession({ sessionId: input.sessionId }));
      if (open) return { conversation: open, created: false };
      // Each lost race means another caller bound a conversation, which the next attempt returns.
      for (let attempt = 0; attempt < 5; attempt++) {
        const outcome = await tryGetOrCreateOpenConversation(input);
        if (outcome === 'no-session') throw new Error(`chat session ${input.sessionId} does not exist`);
        if (outcome !== 'lost-race') return outcome;
      }
      throw new Error(`could not bind a conversation to chat session ${input.sessionId}`);
    },

    getConversationById: ({ id }: { id: string }) => getConversationById({ id }),

    /** Sets the fields given; `undefined` leaves a field alone, `null` clears it. */
    async updateConversationVisitorById({
      id,
      visitorName,
      visitorEmail,
    }: {
      id: string;
      visitorName?: string | null;
      visitorEmail?: string | null;
    }): Promise<Conversation | null> {
      const patch = {
        ...(visitorName !== undefined ? { visitorName } : {}),
        ...(visitorEmail !== undefined ? { visitorEmail } : {}),
      };
      return patchConversationById({ id, patch });
    },

    /** Updates status and handling flags, or clears the mood mark (`mood: null`); returns the updated conversation (for `conversation-updated`), or null. */
    async updateConversationById({
      id,
      status,
      isAiHandled,
      needsHuman,
      resolvedAt,
      assignedAdminId,
      mood,
    }: {
      id: string;
      status?: ConversationStatus;
      isAiHandled?: boolean;
      needsHuman?: boolean;
      /** With `status: 'resolved'` when it was not resolved before: a new resolution, to be rated once. */
      resolvedAt?: Date;
      assignedAdminId?: number | null;
      mood?: null;
    }): Promise<Conversation | null> {
      const patch = {
        ...(assignedAdminId !== undefined ? { assignedAdminId } : {}),
        ...(status !== undefined ? { status } : {}),
        ...(isAiHandled !== undefined ? { isAiHandled } : {}),
        ...(needsHuman !== undefined ? { needsHuman } : {}),
        ...(resolvedAt !== undefined ? { resolvedAt } : {}),
        ...(mood === null ? { mood: null, moodAt: null } : {}),
      };
      return patchConversationById({ id, patch });
    },

    /**
     * Stores the visitor's rating of the conversation's latest resolution, only
     * while it is resolved and that resolution has no rating yet (one answer per
     * resolution, whatever races); null when it is not waiting for one.
     */
    async rateConversationById({
      id,
      rating,
      comment,
      at = new Date(),
    }: {
      id: string;
      rating: number;
      comment: string | null;
      at?: Date;
    }): Promise<Conversation | null> {
      if (!isConversationId(id)) return null;
      const result = await transaction((tx) =>
        tx
          .update(conversations)
          .set({ rating, ratingComment: comment, ratedAt: at })
          .where(
            and(
              eq(conversations.publicId, id),
              eq(conversations.status, 'resolved'),
              isNotNull(conversations.resolvedAt),
              or(isNull(conversations.ratedAt), lt(conversations.ratedAt, conversations.resolvedAt)),
            ),
          ),
      );
      return affectedRows(result) === 1 ? getConversationById({ id }) : null;
    },

    /**
     * Marks the conversation upset or urgent unless it is marked already (the
     * first mark and its time stay until the owner clears it): the updated
     * conversation, or null when nothing changed. One conditional update, so
     * two messages at once mark it, and announce it, once.
     */
    async markConversationMoodById({ id, mood }: { id: string; mood: ConversationMood }): Promise<Conversation | null> {
      if (!isConversationId(id)) return null;
      const marked = await transaction((tx) =>
        tx
          .update(conversations)
          .set({ mood, moodAt: new Date() })
          .where(and(eq(conversations.publicId, id), isNull(conversations.mood))),
      );
      return affectedRows(marked) > 0 ? getConversationById({ id }) : null;
    },

    /**
     * The admin inbox: newest activity first, filtered by status and by `q`
     * (a substring of the visitor's name, email or any message). Three queries
     * whatever the page size: the page, its last messages, its unread counts
     * (and the marked rows below, on the first page). Offset pages shift while
     * messages arrive; `nextCursor` lets a client go on with
     * `listConversationsByFilterAfterCursor` instead. The first page also
     * starts with the conversations marked upset or urgent that match the
     * filter (up to `limit` of them), however old their last message: the
     * owner sees them first. They come once more in their place further down,
     * which a client merging rows by id absorbs; total and cursor stay those
     * of the plain listing.
     */
    async listConversationsByFilter({
      status = 'all',
      q,
      assignedTo,
      page = 1,
      limit = 20,
    }: {
      status?: ConversationStatusFilter;
      q?: string;
      assignedTo?: AssigneeFilter;
      page?: number;
      limit?: number;
    }): Promise<ConversationPage> {
      const safePage = Math.max(1, Math.floor(page));
      const safeLimit = Math.max(1, Math.floor(limit));
      const where = inboxFilter(status, q, assignedTo);
      const [totalRow] = await db.select({ total: count() }).from(conversations).where(where);
      const total = totalRow?.total ?? 0;
      const rows = await db
        .select(conversationRowColumns)
        .from(conversations)
        .where(where)
        .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
        .limit(safeLimit + 1)
        .offset((safePage - 1) * safeLimit);
      const marked =
        safePage === 1
          ? await db
              .select(conversationRowColumns)
              .from(conversations)
              .where(and(where, isNotNull(conversations.mood)))
              .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
              .limit(safeLimit)
          : [];
      const markedItems = await withLastMessageAndUnreadCount(marked);
      const markedIds = new Set(markedItems.map((item) => item.id));
      const { conversations: listed, nextCursor } = await keysetPage(rows, safeLimit, 'lastMessageAt');
      return {
        conversations: [...markedItems, ...listed.filter((item) => !markedIds.has(item.id))],
        pagination: { total, page: safePage, limit: safeLimit, totalPages: Math.ceil(total / safeLimit) },
        nextCursor,
      };
    },

    /**
     * The inbox's next page after `cursor` (the last row a client has), in the
     * same order. Rows never shift under a keyset: a conversation whose activity
     * moves it above the cursor meanwhile is one `listConversationsChangedSince`
     * (or a realtime event) reports.
     */
    async listConversationsByFilterAfterCursor({
      status = 'all',
      q,
      assignedTo,
      cursor,
      limit = 20,
    }: {
      status?: ConversationStatusFilter;
      q?: string;
      assignedTo?: AssigneeFilter;
      cursor: ConversationCursor;
      limit?: number;
    }): Promise<ConversationKeysetPage> {
      const safeLimit = Math.max(1, Math.floor(limit));
      const after = or(
        lt(conversations.lastMessageAt, cursor.at),
        and(eq(conversations.lastMessageAt, cursor.at), lt(conversations.id, cursor.id)),
      )!;
      const filter = inboxFilter(status, q, assignedTo);
      const rows = await db
        .select(conversationRowColumns)
        .from(conversations)
        .where(filter ? and(filter, after) : after)
        .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
        .limit(safeLimit + 1);
      return keysetPage(rows, safeLimit, 'lastMessageAt');
    },

    /**
     * Every conversation changed (a message, a status, the handling, the
     * visitor's name) at or after `since`, oldest change first, whatever the
     * filter: what a client that was away applies to the list it has. Paged by
     * `cursor` (the last row's change time and id).
     */
    async listConversationsChangedSince({
      since,
      cursor,
      limit = 100,
    }: {
      since: Date;
      cursor?: ConversationCursor;
      limit?: number;
    }): Promise<ConversationKeysetPage> {
      const safeLimit = Math.max(1, Math.floor(limit));
      const changed = cursor
        ? or(gt(conversations.updatedAt, cursor.at), and(eq(conversations.updatedAt, cursor.at), gt(conversations.id, cursor.id)))!
        : gte(conversations.updatedAt, since);
      const rows = await db
        .select(conversationRowColumns)
        .from(conversations)
        .where(cursor ? and(gte(conversations.updatedAt, since), changed) : changed)
        .orderBy(asc(conversations.updatedAt), asc(conversations.id))
        .limit(safeLimit + 1);
      return keysetPage(rows, safeLimit, 'updatedAt');
    },

    /**
     * One conversation as the inbox lists it, plus what the owner may want to
     * know about its visitor (from their latest chat session), or null.
     */
    async getConversationDetailsById({ id }: { id: string }): Promise<ConversationDetails | null> {
      const conversation = await getConversationRowById({ id });
      if (!conversation) return null;
      const [[item], session] = await Promise.all([
        withLastMessageAndUnreadCount([conversation]),
        getLatestChatSessionOfConversation(conversation),
      ]);
      const lastSeenTimes = [session?.lastSeenAt, conversation.visitorLastSeenAt].filter((time): time is Date => time instanceof Date);
      return {
        ...item!,
        visitor: session
          ? {
              firstSeenAt: session.createdAt,
              lastSeenAt: new Date(Math.max(...lastSeenTimes.map((time) => time.getTime()))),
              pageUrl: session.pageUrl,
              userAgent: session.userAgent,
            }
          : null,
      };
    },

    // ── Messages ───────────────────────────────────────────────────────────

    /**
     * Stores a message and moves the conversation's `lastMessageAt`, in one
     * transaction. With a `clientMessageId` the call is idempotent: a retry (even
     * a concurrent one) returns the message already stored, with `duplicate: true`.
     */
    async createMessage(
      input: NewMessage & { conversationPatch?: ConversationHandlingPatch },
    ): Promise<{ message: Message; duplicate: boolean }> {
      const { conversationId } = input;
      const clientMessageId = input.clientMessageId ?? null;
      let conversationKey: number | null = null;
      let outcome: { message: Message; duplicate: boolean } | null;
      try {
        outcome = await transaction(async (tx) => {
          const now = new Date();
          conversationKey = await conversationKeyOf(conversationId, tx);
          if (conversationKey === null) return null;
          // Before any message is touched, so that this row lock serialises the writers of one conversation.
          if (input.conversationPatch) {
            await tx
              .update(conversations)
              .set({ lastMessageAt: now, ...input.conversationPatch })
              .where(eq(conversations.id, conversationKey));
          } else {
            await moveLastMessageAt({ at: conversations.lastMessageAt.mapToDriverValue(now), conversationKey }, tx);
          }
          if (clientMessageId) {
            const existing = await getMessageByClientMessageId({ conversationKey, clientMessageId }, tx);
            // Returning here rolls nothing back but leaves lastMessageAt a moment later: harmless for a retry.
            if (existing) return { message: existing, duplicate: true };
          }
          return { message: await insertMessage(tx, conversationKey, input, now), duplicate: false };
        });
      } catch (error) {
        // MySQL: a concurrent retry committed between our read and our insert.
        if (clientMessageId && conversationKey !== null && isUniqueViolation(error)) {
          const existing = await getMessageByClientMessageId({ conversationKey, clientMessageId });
          if (existing) return { message: existing, duplicate: true };
        }
        throw error;
      }
      if (!outcome) throw new Error(`conversation ${conversationId} does not exist`);
      return outcome;
    },

    /**
     * Stores the assistant's message only if it may still speak: no admin has
     * written since `afterMessageId`, nor the assistant (unless it was asked
     * to answer again), and, for an automatic reply, the conversation is
     * still AI-handled and AI replies are on site-wide. The check is the
     * conditional update that takes the conversation's row lock, so an
     * admin's message (whose takeover commits with it), or another reply to
     * the same question (one generated again after its process seemed lost),
     * and this insert cannot interleave. Returns null when the assistant has
     * to stay silent.
     */
    async createAssistantMessageIfStillAllowed(input: {
      conversationId: string;
      content: string;
      metadata: MessageMetadata;
      afterMessageId: number;
      automatic: boolean;
      /** Set when the message hands the conversation to the owner, which then needs a human. */
      handoverReason: HandoverReason | null;
      answersAgain?: boolean;
    }): Promise<{ message: Message; conversation: Conversation } | null> {
      const { conversationId } = input;
      return transaction(async (tx) => {
        const now = new Date();
        const conversationKey = await conversationKeyOf(conversationId, tx);
        if (conversationKey === null) return null;
        const silencingSenders: SenderType[] = input.answersAgain ? ['admin'] : ['admin', 'ai'];
        // One subquery per sender, each an equality on messages_conversation_sender_idx: with `sender_type in (…)`
        // InnoDB may range-scan the primary key instead, and lock every newer message of every conversation.
        const hasNotWrittenSince = (senderType: SenderType) =>
          notExists(
            tx
              .select({ one: sql`1` })
              .from(messages)
              .where(and(eq(messages.conversationId, conversationKey), eq(messages.senderType, senderType), gt(messages.id, input.afterMessageId))),
          );
        const conditions = [eq(conversations.id, conversationKey), ...silencingSenders.map(hasNotWrittenSince)];
        if (input.automatic) {
          const aiSwitchedOff = tx.select({ one: sql`1` }).from(chatSettings).where(eq(chatSettings.aiEnabled, false));
          conditions.push(eq(conversations.isAiHandled, true), notExists(aiSwitchedOff));
        }
        const touched = await tx
          .update(conversations)
          .set({ lastMessageAt: now, ...(input.handoverReason ? { needsHuman: true } : {}) })
          .where(and(...conditions));
        if (affectedRows(touched) === 0) return null;
        const message = await insertMessage(
          tx,
          conversationKey,
          { conversationId, senderType: 'ai', content: input.content, metadata: input.metadata, handoverReason: input.handoverReason },
          now,
        );
        return { message, conversation: (await getConversationById({ id: conversationId }, tx))! };
      });
    },

    /** How many messages `senderType` wrote in the conversation since `since` (the AI's hourly reply limit). */
    async countMessagesByConversationSince({
      conversationId,
      senderType,
      since,
    }: {
      conversationId: string;
      senderType: SenderType;
      since: Date;
    }): Promise<number> {
      if (!isConversationId(conversationId)) return 0;
      const [row] = await db
        .select({ total: count() })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(
          and(
            eq(conversations.publicId, conversationId),
            eq(messages.senderType, senderType),
            gt(messages.createdAt, since),
          ),
        );
      return Number(row?.total ?? 0);
    },

    /**
     * Visitor questions asked at or after `since` that nothing has followed
     * yet (neither the assistant nor the owner wrote after them), in
     * conversations the assistant may still answer on its own: AI-handled
     * and not closed. The oldest activity first, paged by `cursor`.
     *
     * Bounded by the conversation's `lastMessageAt` (indexed; a question that
     * is the latest message moved it), so the scan covers the window only;
     * the latest message of each is one step down `(conversation_id, id)`.
     */
    async listQuestionsAwaitingReplySince({
      since,
      cursor,
      limit = 100,
    }: {
      since: Date;
      cursor?: ConversationCursor;
      limit?: number;
    }): Promise<AwaitingQuestionPage> {
      const safeLimit = Math.max(1, Math.floor(limit));
      const newer = aliasedTable(messages, 'newer_messages');
      const latestMessageId = db
        .select({ id: max(newer.id) })
        .from(newer)
        .where(eq(newer.conversationId, conversations.id));
      const window = cursor
        ? or(gt(conversations.lastMessageAt, cursor.at), and(eq(conversations.lastMessageAt, cursor.at), gt(conversations.id, cursor.id)))!
        : gte(conversations.lastMessageAt, since);
      const rows = await db
        .select({ ...messageColumns, cursorAt: conversations.lastMessageAt, cursorKey: conversations.id })
        .from(conversations)
        .innerJoin(messages, eq(messages.id, latestMessageId))
        .where(
          and(
            cursor ? gte(conversations.lastMessageAt, since) : undefined,
            window,
            ne(conversations.status, 'closed'),
            eq(conversations.isAiHandled, true),
            eq(messages.senderType, 'visitor'),
            gte(messages.createdAt, since),
          ),
        )
        .orderBy(asc(conversations.lastMessageAt), asc(conversations.id))
        .limit(safeLimit + 1);
      const page = rows.slice(0, safeLimit);
      const last = page[page.length - 1];
      return {
        questions: page.map(({ cursorAt: _at, cursorKey: _key, ...question }) => question),
        nextCursor: rows.length > safeLimit && last ? { at: last.cursorAt, id: last.cursorKey } : null,
      };
    },

    getMessageById: ({ id }: { id: number }): Promise<Message | null> => firstOrNull(messageById({ id })),

    /**
     * A page of a conversation, always returned oldest first. `before` pages back
     * through history (no cursor: the latest messages); `after` fills a gap
     * forward from the last message a client has.
     */
    async listMessagesByConversationId({
      conversationId,
      limit = 50,
      ...cursor
    }: { conversationId: string; limit?: number } & MessageCursor): Promise<MessagePage> {
      const safeLimit = Math.max(1, Math.floor(limit));
      if (cursor.before !== undefined && cursor.after !== undefined) {
        throw new Error('listMessagesByConversationId takes `before` or `after`, not both');
      }
      if (!isConversationId(conversationId)) return { messages: [], hasMore: false, nextCursor: null };
      const inConversation = eq(conversations.publicId, conversationId);

      if (cursor.after !== undefined) {
        const rows = await selectMessages(db)
          .where(and(inConversation, gt(messages.id, cursor.after)))
          .orderBy(asc(messages.id))
          .limit(safeLimit + 1);
        const hasMore = rows.length > safeLimit;
        const page = rows.slice(0, safeLimit);
        return { messages: page, hasMore, nextCursor: hasMore ? page[page.length - 1]!.id : null };
      }

      const rows =
        cursor.before !== undefined
          ? await selectMessages(db)
              .where(and(inConversation, lt(messages.id, cursor.before)))
              .orderBy(desc(messages.id))
              .limit(safeLimit + 1)
          : await latestMessagesOfConversation({ id: conversationId, limit: safeLimit + 1 });
      const hasMore = rows.length > safeLimit;
      const page = rows.slice(0, safeLimit).reverse();
      return { messages: page, hasMore, nextCursor: hasMore ? page[0]!.id : null };
    },

    /** The visitor was on the conversation's channel at `at`; an earlier time never moves last-seen back. */
    async touchConversationVisitorSeenById({ id, at }: { id: string; at: Date }): Promise<void> {
      if (!isConversationId(id)) return;
      await transaction((tx) =>
        tx
          .update(conversations)
          .set({ visitorLastSeenAt: at })
          .where(and(eq(conversations.publicId, id), or(isNull(conversations.visitorLastSeenAt), lt(conversations.visitorLastSeenAt, at)))),
      );
    },

    /**
     * Marks as delivered the given messages that `recipient` received in this
     * conversation and that are still `sent`. Returns the ids that changed.
     */
    async markMessagesDeliveredByIds({
      conversationId,
      recipient,
      ids,
    }: {
      conversationId: string;
      recipient: ChatParticipant;
      ids: number[];
    }): Promise<number[]> {
      if (ids.length === 0) return [];
      return transaction(async (tx) => {
        const conversationKey = await conversationKeyOf(conversationId, tx);
        if (conversationKey === null) return [];
        const pending = and(
          inArray(messages.id, ids),
          eq(messages.conversationId, conversationKey),
          inArray(messages.senderType, senderTypesReceivedBy(recipient)),
          eq(messages.status, 'sent'),
        );
        const rows = await tx.select({ id: messages.id }).from(messages).where(pending).orderBy(asc(messages.id));
        const changed = rows.map((row) => row.id);
        if (changed.length > 0) {
          await tx
            .update(messages)
            .set({ status: 'delivered' })
            .where(and(inArray(messages.id, changed), eq(messages.status, 'sent')));
        }
        return changed;
      });
    },

    /**
     * `reader` has read the conversation up to `upToMessageId`: the other side's
     * messages up to it become `read`, and the reader's last-seen time moves.
     * Returns the ids that changed (for `message-read`) and the time stamped on them.
     */
    async markMessagesReadByConversationId({
      conversationId,
      reader,
      upToMessageId,
      now = new Date(),
    }: {
      conversationId: string;
      reader: ChatParticipant;
      upToMessageId: number;
      now?: Date;
    }): Promise<{ ids: number[]; readAt: Date }> {
      const ids = await transaction(async (tx) => {
        const conversationKey = await conversationKeyOf(conversationId, tx);
        if (conversationKey === null) return [];
        await tx
          .update(conversations)
          .set(reader === 'visitor' ? { visitorLastSeenAt: now } : { adminLastSeenAt: now })
          .where(eq(conversations.id, conversationKey));
        const rows = await tx
          .select({ id: messages.id })
          .from(messages)
          .where(
            and(
              eq(messages.conversationId, conversationKey),
              lte(messages.id, upToMessageId),
              inArray(messages.senderType, senderTypesReceivedBy(reader)),
              inArray(messages.status, UNREAD_STATUSES),
            ),
          )
          .orderBy(asc(messages.id));
        const changed = rows.map((row) => row.id);
        if (changed.length > 0) {
          await tx
            .update(messages)
            .set({ status: 'read', readAt: now })
            .where(and(inArray(messages.id, changed), inArray(messages.status, UNREAD_STATUSES)));
        }
        return changed;
      });
      return { ids, readAt: now };
    },
  };
}

export type ChatRepository = ReturnType<typeof createChatRepository>;
