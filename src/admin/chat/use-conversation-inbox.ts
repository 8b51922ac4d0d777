'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ADMIN_NOTIFICATIONS_CHANNEL } from '@/realtime/channels';
import { onReconnect, useAdminRealtime } from './admin-realtime';
import { fetchInboxPage } from './api';
import { applyInboxEvent, mergePages, type InboxEvent } from './inbox-list';
import type { InboxConversation, InboxFilter, Pagination } from './types';

const PAGE_SIZE = 30;
/** The API's largest page: a reconnect refetches everything shown in one request, up to this. */
const MAX_PAGE_SIZE = 100;
const SEARCH_DEBOUNCE_MS = 300;

type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

const keyOf = (filter: InboxFilter) => `${filter.status}\n${filter.q}`;

/**
 * The inbox list: fetched for the current filter (the search debounced),
 * kept live by the admin channel's events, and fetched again whenever those
 * events may have been missed (after a reconnect) or do not carry enough to
 * place a conversation.
 */
export function useConversationInbox(initialFilter: InboxFilter) {
  const { connector } = useAdminRealtime();
  const [filter, setFilter] = useState<InboxFilter>(initialFilter);
  const [query, setQuery] = useState(initialFilter.q);
  const [list, setList] = useState<InboxConversation[]>([]);
  const [pagination, setPagination] = useState<Pagination | null>(null);
  /** The outcome of the latest fetch, and for which filter: a different filter means its list is loading. */
  const [outcome, setOutcome] = useState<{ key: string; load: LoadState }>({ key: '', load: { kind: 'loading' } });
  const [loadingMore, setLoadingMore] = useState(false);

  const filterRef = useRef(filter);
  const listRef = useRef(list);
  /** Answers to an older request (an earlier filter) are dropped. */
  const requestSeq = useRef(0);
  useEffect(() => {
    filterRef.current = filter;
    listRef.current = list;
  });

  const fetchFirstPage = useCallback((forFilter: InboxFilter, limit: number) => {
    const seq = ++requestSeq.current;
    return fetchInboxPage(forFilter, 1, limit).then((result) => {
      if (seq !== requestSeq.current) return;
      if (!result.success) {
        setOutcome({ key: keyOf(forFilter), load: { kind: 'error', message: result.error } });
        return;
      }
      setList(mergePages([], result.data.conversations));
      setPagination(result.data.pagination);
      setOutcome({ key: keyOf(forFilter), load: { kind: 'ready' } });
    });
  }, []);

  /** Fetches again everything shown (reconnect, or an event the list cannot place by itself). */
  const refresh = useCallback(() => {
    const limit = Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, listRef.current.length));
    void fetchFirstPage(filterRef.current, limit);
  }, [fetchFirstPage]);

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
    const stopWatching = onReconnect(connector, () => void channel.whenSubscribed.then(refresh, refresh));
    return () => {
      for (const stop of unbind) stop();
      stopWatching();
    };
  }, [connector, apply, refresh]);

  const loadMore = useCallback(async () => {
    if (!pagination || pagination.page >= pagination.totalPages || loadingMore) return;
    setLoadingMore(true);
    const seq = requestSeq.current;
    const nextPage = Math.floor(listRef.current.length / PAGE_SIZE) + 1;
    const result = await fetchInboxPage(filterRef.current, nextPage, PAGE_SIZE);
    setLoadingMore(false);
    if (seq !== requestSeq.current || !result.success) return;
    setList((current) => mergePages(current, result.data.conversations));
    setPagination(result.data.pagination);
  }, [pagination, loadingMore]);

  return {
    filter,
    /** What is typed in the search box (the list follows it after a pause). */
    query,
    setQuery,
    setStatus: (status: InboxFilter['status']) => setFilter((current) => ({ ...current, status })),
    list,
    load: outcome.key === keyOf(filter) ? outcome.load : ({ kind: 'loading' } as LoadState),
    total: pagination?.total ?? 0,
    hasMore: Boolean(pagination && list.length < pagination.total),
    loadingMore,
    loadMore,
    apply,
    refresh,
  };
}
