import { getRepository } from '@/db';
import { createProcessCache } from '@/server/process-cache';
import { ADMIN_PRESENCE_CHANNEL } from '../../channels';
import { ADMIN_PRESENCE_MAX_AGE_MS } from '../presence';
import { requirePusher } from './rest-publisher';

/**
 * The answer kept in memory between webhooks: a webhook that changes
 * presence forgets it on every instance (through Redis when configured);
 * serverless instances without Redis see the change within the max age.
 */
const adminsOnline = createProcessCache<boolean>({
  name: 'admin-presence-pusher',
  load: async () => (await getRepository().countPresentMembersByChannel({ channel: ADMIN_PRESENCE_CHANNEL })) > 0,
  maxAgeMs: ADMIN_PRESENCE_MAX_AGE_MS,
});

/**
 * Whether an admin is in the presence channel, as Pusher's webhooks reported
 * it: visitors ask over HTTP (they may not join the channel, and Pusher has
 * no server to answer an acknowledgement as Socket.IO does).
 */
export async function areAdminsOnline(): Promise<boolean> {
  requirePusher();
  return adminsOnline.get('');
}

/** After a webhook recorded an admin joining or leaving. */
export const forgetAdminsOnline = (): Promise<void> => adminsOnline.invalidate();
