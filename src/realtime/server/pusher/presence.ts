import { getRepository } from '@/db';
import { ADMIN_PRESENCE_CHANNEL } from '../../channels';
import { requirePusher } from './rest-publisher';

/**
 * Whether an admin is in the presence channel, as Pusher's webhooks reported
 * it: visitors ask over HTTP (they may not join the channel, and Pusher has
 * no server to answer an acknowledgement as Socket.IO does).
 */
export async function areAdminsOnline(): Promise<boolean> {
  requirePusher();
  return (await getRepository().countPresentMembersByChannel({ channel: ADMIN_PRESENCE_CHANNEL })) > 0;
}
