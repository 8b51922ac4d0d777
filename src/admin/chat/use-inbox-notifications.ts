'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useTitleCount } from '@/chat/ui';
import { ADMIN_NOTIFICATIONS_CHANNEL, type ConversationPayload } from '@/realtime/channels';
import { useAdminRealtime } from './admin-realtime';
import { visitorLabel } from './format';
import { messageText } from '@/chat/message-text';

type Permission = NotificationPermission | 'unsupported';

const MAX_BODY_LENGTH = 140;

function currentPermission(): Permission {
  return typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported';
}

/**
 * Tells the owner something needs them: a chime (the shared, mutable chat
 * sound) for a visitor's message or a handover from the AI, a system
 * notification when the tab is hidden and they allowed it, and the unread
 * count in the tab title. The conversation on screen in a visible tab does
 * not chime: the owner is already looking at it; nor does one assigned to
 * another admin, whose inbox it is.
 */
export function useInboxNotifications({
  unreadTotal,
  openConversationId,
  onOpenConversation,
  playSound,
  currentAdminId,
}: {
  /** Conversations assigned to another admin alert that admin, not this one. */
  currentAdminId: number;
  unreadTotal: number;
  openConversationId: string | null;
  onOpenConversation: (id: string) => void;
  playSound: () => void;
}) {
  const { connector } = useAdminRealtime();
  // The inbox mounts in the browser only (after its connection exists), so the permission can be read at once.
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const latest = useRef({ openConversationId, onOpenConversation, playSound, currentAdminId });
  const needingHuman = useRef(new Set<string>());
  useEffect(() => {
    latest.current = { openConversationId, onOpenConversation, playSound, currentAdminId };
  });

  useEffect(() => {
    const alert = (conversation: ConversationPayload, title: string, body: string) => {
      const looking = !document.hidden && latest.current.openConversationId === conversation.id;
      const someoneElses = conversation.assignedAdminId !== null && conversation.assignedAdminId !== latest.current.currentAdminId;
      if (looking || someoneElses) return;
      latest.current.playSound();
      if (!document.hidden || currentPermission() !== 'granted') return;
      const notification = new Notification(title, {
        body: body.length > MAX_BODY_LENGTH ? `${body.slice(0, MAX_BODY_LENGTH - 1)}…` : body,
        tag: `tanya-conversation-${conversation.id}`,
      });
      notification.onclick = () => {
        window.focus();
        latest.current.onOpenConversation(conversation.id);
        notification.close();
      };
    };
    /** True the first time a conversation is seen needing the owner (a handover), false after. */
    const newlyNeedsHuman = (conversation: ConversationPayload) => {
      if (!conversation.needsHuman) {
        needingHuman.current.delete(conversation.id);
        return false;
      }
      if (needingHuman.current.has(conversation.id)) return false;
      needingHuman.current.add(conversation.id);
      return true;
    };

    const channel = connector.subscribe(ADMIN_NOTIFICATIONS_CHANNEL);
    const unbind = [
      channel.bind('new-message-alert', ({ conversation, message }) => {
        const handover = newlyNeedsHuman(conversation);
        if (message.senderType !== 'visitor' && !handover) return;
        const who = visitorLabel(conversation);
        alert(conversation, handover ? `${who} needs you` : `New message from ${who}`, messageText(message.content));
      }),
      channel.bind('conversation-updated', (conversation) => {
        if (newlyNeedsHuman(conversation)) alert(conversation, `${visitorLabel(conversation)} needs you`, 'The AI assistant handed this conversation over to you.');
      }),
    ];
    return () => {
      for (const stop of unbind) stop();
    };
  }, [connector]);

  // "(3) Chat · Tanya admin": the count shows in the tab strip and the taskbar.
  useTitleCount(unreadTotal);

  const requestPermission = useCallback(async () => {
    if (currentPermission() === 'unsupported') return;
    setPermission(await Notification.requestPermission());
  }, []);

  return { permission, requestPermission };
}
