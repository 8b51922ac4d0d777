import type { RealtimeConnector } from './connector';
import { createNullConnector } from './null-connector';
import { createPusherConnector, type PusherConnectorOptions } from './pusher-connector';
import { createSocketIoConnector, type SocketIoConnectorOptions } from './socket-io-connector';

export type { Channel, ChannelEventData, ChannelEventName, ConnectionState, RealtimeConnector } from './connector';
export { createNullConnector } from './null-connector';
export { createPusherConnector, type PusherConnectorOptions } from './pusher-connector';
export { createSocketIoConnector, type SocketIoConnectorOptions } from './socket-io-connector';

/** The connector for a configured driver: the embedded Socket.IO server, Pusher Channels, or none (realtime off). */
export type ConnectorConfig =
  | ({ driver: 'socket.io' } & SocketIoConnectorOptions)
  | ({ driver: 'pusher' } & PusherConnectorOptions)
  | { driver: 'null' };

export function createConnector(config: ConnectorConfig): RealtimeConnector {
  switch (config.driver) {
    case 'socket.io':
      return createSocketIoConnector(config);
    case 'pusher':
      return createPusherConnector(config);
    default:
      return createNullConnector();
  }
}
