import type { Channel, ConnectionState, RealtimeConnector } from './connector';

/**
 * The connector for when realtime is off (and for tests): channels exist and
 * accept bindings but nothing ever arrives; subscriptions never settle.
 */
export function createNullConnector(): RealtimeConnector {
  const channels = new Map<string, Channel>();
  const pending = new Promise<void>(() => undefined);
  const state: ConnectionState = 'disconnected';
  return {
    state,
    subscribe(name) {
      let channel = channels.get(name);
      if (!channel) {
        channel = { name, bind: () => () => undefined, whenSubscribed: pending, members: [] };
        channels.set(name, channel);
      }
      return channel;
    },
    unsubscribe: (name) => void channels.delete(name),
    trigger: () => undefined,
    onConnectionChange: () => () => undefined,
    acknowledgeDelivered: async () => [],
    sendMessage: async () => null,
    adminsOnline: async () => false,
    disconnect: () => channels.clear(),
  };
}
