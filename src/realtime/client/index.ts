import type { RealtimeConnector } from './connector';
import { createNullConnector } from './null-connector';
import { createSocketIoConnector, type SocketIoConnectorOptions } from './socket-io-connector';

export type { Channel, ChannelEventData, ChannelEventName, ConnectionState, RealtimeConnector } from './connector';
export { createNullConnector } from './null-connector';
export { createSocketIoConnector, type SocketIoConnectorOptions } from './socket-io-connector';

/** The connector for a configured driver: the embedded Socket.IO server, or none (realtime off). */
export type ConnectorConfig = ({ driver: 'socket.io' } & SocketIoConnectorOptions) | { driver: 'null' };

export function createConnector(config: ConnectorConfig): RealtimeConnector {
  return config.driver === 'socket.io' ? createSocketIoConnector(config) : createNullConnector();
}
