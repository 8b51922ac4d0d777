import { z } from 'zod';

/** What Pusher's clients post to the channel authorization endpoint (form-encoded). */
export const channelAuthorizationSchema = z.object({
  // Pusher's socket ids are two integers joined by a dot.
  socket_id: z.string().regex(/^\d+\.\d+$/, 'Must be a Pusher socket id.'),
  // Pusher's own limit on channel names and the characters it allows.
  channel_name: z.string().regex(/^[A-Za-z0-9_\-=@,.;]{1,164}$/, 'Must be a Pusher channel name.'),
});
export type ChannelAuthorization = z.infer<typeof channelAuthorizationSchema>;

/** What pusher-js posts when it signs its connection in as a user. */
export const userAuthenticationSchema = channelAuthorizationSchema.pick({ socket_id: true });
export type UserAuthentication = z.infer<typeof userAuthenticationSchema>;

/** A Pusher webhook batch; events this app does not act on pass through untouched. */
export const webhookBatchSchema = z.object({
  time_ms: z.number().int().positive(),
  events: z.array(
    z.looseObject({
      name: z.string(),
      channel: z.string(),
      user_id: z.string().optional(),
    }),
  ),
});
export type WebhookBatch = z.infer<typeof webhookBatchSchema>;
