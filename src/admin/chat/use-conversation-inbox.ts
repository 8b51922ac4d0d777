'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ADMIN_NOTIFICATIONS_CHANNEL } from '@/realtime/channels';
import { onReconnect, useAdminRealtime } from './admin-realtime';
import { fetchInboxChanges, fetchInboxPage } from './api';
import { applyChangedRows, applyInboxEvent, mergePages, tallyEvent, tallyRows, totalUnread, type InboxEvent, type UnreadTally } from './inbox-list';
import type { InboxConversation, InboxFilter } from './types';

const PAGE_SIZE = 30;
/** The API's largest page: a refetch of everything shown is one request, up to this. */
const MAX_PAGE_SIZE = 100;
/** A resync that finds more changes than this fetches the list again instead. */
const MAX_RESYNC_PAGES = 5;
const SEARCH_DEBOUNCE_MS = 300;

type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

const keyOf = (filter: InboxFilter) => `${filter.status}\n${filter.assigned}\n${filter.q}`;

/**
 * The inbox list: fetched for the current filter (the search debounced),
 * paged on by keyset cursor (rows never shift under it while messages
 * arrive), kept live by the admin channel's events, resynced after a
 * reconnect with what changed while away, and fetched again when an event
 * does not carry enough to place a conversation.
 */
export function useConversationInbox(initialFilter: InboxFilter) {
  const { connector } = useAdminRealtime();
  const [filter, setFilter] = useState<InboxFilter>(initialFilter);
  const [query, setQuery] = useState(initialFilter.q);
  const [list, setList] = useState<InboxConversation[]>([]);
  const [total, setTotal] = useState(0);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  /** The outcome of the latest fetch, and for which filter: a different filter means its list is loading. */
  const [outcome, setOutcome] = useState<{ key: string; load: LoadState }>({ key: '', load: { kind: 'loading' } });
  const [loadingMore, setLoadingMore] = useState(false);
  const [unread, setUnread] = useState<UnreadTally>(new Map());

  const filterRef = useRef(filter);
  const listRef = useRef(list);
  /** Answers to an older request (an earlier filter) are dropped. */
  const requestSeq = useRef(0);
  /** The server's `syncedAt` of the list shown: a resync asks for what changed since. */
  const syncedAt = useRef<string | null>(null);
  useEffect(() => {
    filterRef.current = filter;
    listRef.current = list;
  });

  /** Events that arrived while a fetch was on its way: its answer may predate them, so they are applied on top. */
  const eventsDuringFetch = useRef<InboxEvent[] | null>(null);

  const fetchFirstPage = useCallback((forFilter: InboxFilter, limit: number) => {
    const seq = ++requestSeq.current;
    eventsDuringFetch.current = [];
    return fetchInboxPage(forFilter, limit).then((result) => {
      if (seq !== requestSeq.current) return;
      const missed = eventsDuringFetch.current ?? [];
      eventsDuringFetch.current = null;
      if (!result.success) {
        setOutcome({ key: keyOf(forFilter), load: { kind: 'error', message: result.error } });
        return;
      }
      const fetched = missed.reduce(
        (rows, event) => applyInboxEvent(rows, event, forFilter).list,
        mergePages([], result.data.conversations),
      );
      setList(fetched);
      setUnread((tally) => tallyRows(tally, fetched));
      setTotal(result.data.pagination?.total ?? fetched.length);
      setNextCursor(result.data.nextCursor);
      syncedAt.current = result.data.syncedAt;
      setOutcome({ key: keyOf(forFilter), load: { kind: 'ready' } });
    });
  }, []);

  /** Fetches again everything shown (an event the list cannot place by itself, or a resync that cannot be done by changes). */
  const refresh = useCallback(() => {
    const limit = Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, listRef.current.length));
    void fetchFirstPage(filterRef.current, limit);
  }, [fetchFirstPage]);

  /** After a reconnect: only the conversations changed while away, applied to the list shown. */
  const resync = useCallback(async () => {
    const since = syncedAt.current;
    const forFilter = filterRef.current;
    if (!since || forFilter.q.trim()) return refresh();
    const seq = requestSeq.current;
    const rows: InboxConversation[] = [];
    let cursor: string | null = null;
    let nextSyncedAt = since;
    for (let page = 0; page < MAX_RESYNC_PAGES; page++) {
      const result = await fetchInboxChanges(since, MAX_PAGE_SIZE, cursor);
      if (!result.success) return refresh();
      if (page === 0) nextSyncedAt = result.data.syncedAt;
      rows.push(...result.data.conversations);
      cursor = result.data.nextCursor;
      if (!cursor) break;
    }
    if (cursor) return refresh();
    if (seq !== requestSeq.current) return;
    syncedAt.current = nextSyncedAt;
    const next = applyChangedRows(listRef.current, rows, forFilter);
    listRef.current = next;
    setList(next);
    setUnread((tally) => tallyRows(tally, rows));
  }, [refresh]);

  // The search waits until typing pauses; the status applies at once.
  useEffect(() => {
    if (query === filter.q) return;
    const timer = window.setTimeout(() => setFilter((current) => ({ ...current, q: query })), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query, filter.q]);

  useEffect(() => {
    void fetchFirstPage(filter, PAGE_SIZE);
  }, [filter, fetchFirstPage]);

  const apply = useCallback(
    (event: InboxEvent) => {
      setUnread((tally) => tallyEvent(tally, event));
      eventsDuringFetch.current?.push(event);
      const update = applyInboxEvent(listRef.current, event, filterRef.current);
      if (update.list !== listRef.current) {
        listRef.current = update.list;
        setList(update.list);
      }
      if (update.stale) refresh();
    },
    [refresh],
  );

  useEffect(() => {
    const channel = connector.subscribe(ADMIN_NOTIFICATIONS_CHANNEL);
    const unbind = [
      channel.bind('new-conversation', (conversation) => apply({ type: 'new-conversation', conversation })),
      channel.bind('new-message-alert', ({ conversation, message }) => apply({ type: 'new-message-alert', conversation, message })),
      channel.bind('conversation-updated', (conversation) => apply({ type: 'conversation-updated', conversation })),
    ];
    // Events sent while the connection was down are gone: the server's list is the truth.
    const stopWatching = onReconnect(connector, () => void channel.whenSubscribed.then(resync, refresh));
    return () => {
      for (const stop of unbind) stop();
      stopWatching();
    };
  }, [connector, apply, refresh, resync]);

  const loadMore = useCallback(async () => {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    const seq = requestSeq.current;
    const result = await fetchInboxPage(filterRef.current, PAGE_SIZE, nextCursor);
    setLoadingMore(false);
    if (seq !== requestSeq.current || !result.success) return;
    setList((current) => mergePages(current, result.data.conversations));
    setUnread((tally) => tallyRows(tally, result.data.conversations));
    setNextCursor(result.data.nextCursor);
  }, [nextCursor, loadingMore]);

  return {
    filter,
    /** What is typed in the search box (the list follows it after a pause). */
    query,
    setQuery,
    setStatus: (status: InboxFilter['status']) => setFilter((current) => ({ ...current, status })),
    setAssigned: (assigned: InboxFilter['assigned']) => setFilter((current) => ({ ...current, assigned })),
    list,
    /** Unread visitor messages in every conversation seen, not only those the filter shows. */
    unreadTotal: totalUnread(unread),
    load: outcome.key === keyOf(filter) ? outcome.load : ({ kind: 'loading' } as LoadState),
    total,
    hasMore: nextCursor !== null,
    loadingMore,
    loadMore,
    apply,
    refresh,
  };
}
