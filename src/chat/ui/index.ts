/*
 * The chat UI kit shared by the visitor widget, the /chat page and the admin
 * inbox: components, hooks around the chat client and realtime connector,
 * language/theme/sound preferences. Everything talks to the server only
 * through src/chat/client and src/realtime/client.
 */
export { AiBadge } from './ai-badge';
export { Composer, MAX_MESSAGE_LENGTH, type ComposerProps } from './composer';
export { ConnectionBanner } from './connection-banner';
export { isOwnMessage, messageKey, toDisplayMessage, type DisplayMessage, type ViewerSide } from './display-message';
export { formatDay, formatTime } from './format';
export { ImageDropZone } from './image-drop-zone';
export { dictionaries, isLocale, localeFromLanguages, locales, localeNames, type Locale, type Messages } from './i18n';
export { Markdown } from './markdown/markdown';
export { parseMarkdown, safeHref } from './markdown/parse';
export { MessageBubble, type MessageBubbleProps } from './message-bubble';
export { MessageList, type MessageListProps } from './message-list';
export { playNotificationSound } from './notification-sound';
export { headerButtonClass, LanguageSelect, PreferencesMenu, SoundToggle, ThemeSelect } from './preference-controls';
export { ChatPreferencesProvider, themes, useChatPreferences, type ChatPreferences, type Theme } from './preferences';
export { StatusTicks } from './status-ticks';
export { readStored, useStoredValue, writeStored } from './stored-value';
export { StreamingBubble } from './streaming-bubble';
export { ThinkingIndicator, TypingIndicator } from './typing-indicator';
export { useAdminsOnline } from './hooks/use-admins-online';
export { useAiReply, type AiReplyState } from './hooks/use-ai-reply';
export { useChannelEvent } from './hooks/use-channel-event';
export { useConversation, type ConversationState } from './hooks/use-conversation';
export { useChatClient, useConnectionState, useRealtimeConnector } from './hooks/use-realtime';
export { usePageVisible } from './hooks/use-page-visible';
export { useTitleCount } from './hooks/use-title-count';
export { useRemoteTyping, useTypingSignal } from './hooks/use-typing';
