import type { RealtimeConnector } from './connector';
import { createNullConnector } from './null-connector';
import type { PusherConnectorOptions } from './pusher-connector';
import type { SocketIoConnectorOptions } from './socket-io-connector';

export type { Channel, ChannelEventData, ChannelEventName, ConnectionState, RealtimeConnector } from './connector';
export type { PusherConnectorOptions } from './pusher-connector';
export type { SocketIoConnectorOptions } from './socket-io-connector';
export { createNullConnector } from './null-connector';

/** The connector for a configured driver: the embedded Socket.IO server, Pusher Channels, or none (realtime off). */
export type ConnectorConfig =
  | ({ driver: 'socket.io' } & SocketIoConnectorOptions)
  | ({ driver: 'pusher' } & PusherConnectorOptions)
  | { driver: 'null' };

/*
 * Each transport's client library is loaded only when its driver is the one
 * configured: one dynamic import per connector, so the bundler puts
 * socket.io-client and pusher-js in separate chunks and a visitor downloads
 * the one the site uses (tests/realtime/transport-chunks.http.test.ts checks
 * the build). Import the connector modules statically nowhere in browser code.
 */
export async function createConnector(config: ConnectorConfig): Promise<RealtimeConnector> {
  switch (config.driver) {
    case 'socket.io':
      return (await import('./socket-io-connector')).createSocketIoConnector(config);
    case 'pusher':
      return (await import('./pusher-connector')).createPusherConnector(config);
    default:
      return createNullConnector();
  }
}
