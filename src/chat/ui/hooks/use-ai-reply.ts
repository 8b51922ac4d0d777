'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { conversationChannel, type MessagePayload } from '@/realtime/channels';
import type { RealtimeConnector } from '@/realtime/client';
import { useChannelEvent } from './use-channel-event';

export type AiReplyState = {
  /** The assistant is working on a reply and nothing has streamed yet (or the stream is not shown). */
  thinking: boolean;
  /** The reply so far, while it streams; null once the stored message replaced it. */
  stream: { tempId: string; text: string } | null;
  /**
   * Shows "thinking" right away after a send the server said the assistant
   * will answer, until an AI message newer than that one (`messageId`) is in.
   */
  expectReply: (messageId: number) => void;
};

/** If ai-typing never comes (the assistant was switched off meanwhile), "thinking" gives up after this. */
const EXPECTED_REPLY_TIMEOUT_MS = 30_000;

/**
 * The assistant's live state in one conversation: `ai-typing` → thinking,
 * `ai-stream` (the whole text so far) → the growing reply, and the stored
 * `new-message` whose `metadata.streamId` is the stream's id replaces it.
 */
export function useAiReply(connector: RealtimeConnector | null, conversationId: string | null, messages: readonly MessagePayload[]): AiReplyState {
  const channel = conversationId ? conversationChannel(conversationId) : null;
  const [working, setWorking] = useState(false);
  const [stream, setStream] = useState<AiReplyState['stream']>(null);
  const expectTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The newest stored AI message when the work started: a newer one means the reply is in, even if
  // the closing ai-typing was missed (e.g. it came before the channel was subscribed).
  const latestAiId = messages.reduce((max, message) => (message.senderType === 'ai' && message.id > max ? message.id : max), 0);
  const latestAiIdRef = useRef(latestAiId);
  useEffect(() => {
    latestAiIdRef.current = latestAiId;
  });
  const [baselineAiId, setBaselineAiId] = useState(0);

  useChannelEvent(connector, channel, 'ai-typing', (data) => {
    if (data.conversationId !== conversationId) return;
    clearTimeout(expectTimer.current);
    setWorking(data.isTyping);
    if (data.isTyping) setBaselineAiId(latestAiIdRef.current);
    // The stored message (or a stored notice, on failure) came before this "false": the stream is done.
    if (!data.isTyping) setStream(null);
  });
  useChannelEvent(connector, channel, 'ai-stream', (data) => {
    if (data.conversationId !== conversationId) return;
    clearTimeout(expectTimer.current);
    setStream({ tempId: data.tempId, text: data.text });
  });

  // Not the newest AI message now: with a fast assistant the answer is stored (and may be shown) before the
  // send's own answer arrives here, and would then count as the old one.
  const expectReply = useCallback((messageId: number) => {
    setWorking(true);
    setBaselineAiId(messageId);
    clearTimeout(expectTimer.current);
    expectTimer.current = setTimeout(() => setWorking(false), EXPECTED_REPLY_TIMEOUT_MS);
  }, []);
  useEffect(() => () => clearTimeout(expectTimer.current), []);

  const stored = stream !== null && messages.some((message) => message.metadata?.streamId === stream.tempId);
  const visibleStream = stream && !stored && stream.text.length > 0 ? stream : null;
  const answered = latestAiId > baselineAiId;
  return { thinking: working && !answered && !visibleStream && !stored, stream: visibleStream, expectReply };
}
