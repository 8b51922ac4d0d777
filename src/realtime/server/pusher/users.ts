/**
 * Who a Pusher connection is, for terminating it: a visitor's connection is
 * its session (one device), an admin's is the admin (removal and "sign out
 * everywhere" end every one of theirs). Ids stay within Pusher's characters.
 */
export const pusherUserIdOfVisitorSession = (sessionId: number) => `visitor-session-${sessionId}`;
export const pusherUserIdOfAdmin = (userId: number) => `admin-${userId}`;
