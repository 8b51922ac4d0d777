import type { ClaimedDevice, ConversationDevice, DeviceLink } from '@/chat/devices';
import { callApi } from '@/http/client/api-client';

/*
 * The visitor's calls about the devices on its conversation. Like every
 * visitor call they carry the session token and never a cookie.
 */

const asVisitor = (sessionToken: string) => ({ sessionToken, credentials: 'omit' as const });
const query = (conversationId: string) => `conversationId=${encodeURIComponent(conversationId)}`;

export const createDeviceLink = (sessionToken: string, conversationId: string) =>
  callApi<DeviceLink>('/api/chat/devices/link', { method: 'POST', body: { conversationId }, ...asVisitor(sessionToken) });

export const fetchVisitorDevices = (sessionToken: string, conversationId: string) =>
  callApi<{ devices: ConversationDevice[] }>(`/api/chat/devices?${query(conversationId)}`, asVisitor(sessionToken));

export const signOutVisitorDevice = (sessionToken: string, conversationId: string, deviceId: number) =>
  callApi<{ signedOut: true }>(`/api/chat/devices/${deviceId}?${query(conversationId)}`, { method: 'DELETE', ...asVisitor(sessionToken) });

/** Exchanges a device link's token for a new session of its own on the conversation. */
export const claimDeviceLink = (token: string) =>
  callApi<ClaimedDevice>('/api/chat/devices/claim', { method: 'POST', body: { token }, credentials: 'omit' });
