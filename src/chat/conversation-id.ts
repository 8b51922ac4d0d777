/**
 * A conversation's public id: 32 lowercase hex characters (128 random bits), what the API, the channel names
 * and the admin URLs call it. The numeric key stays inside the repository, so ids can neither be guessed
 * nor counted. Shared by server and browser.
 */
export const CONVERSATION_ID_PATTERN = /^[0-9a-f]{32}$/;

export function isConversationId(value: unknown): value is string {
  return typeof value === 'string' && CONVERSATION_ID_PATTERN.test(value);
}
