import { describe, expect, it } from 'vitest';
import { createConnector } from '@/realtime/client';

describe('null connector', () => {
  it('accepts the whole API, caches channels by name and never delivers anything', async () => {
    const connector = await createConnector({ driver: 'null' });
    const channel = connector.subscribe('private-conversation-1');
    expect(connector.subscribe('private-conversation-1')).toBe(channel);
    const unbind = channel.bind('new-message', () => {
      throw new Error('nothing should arrive');
    });
    unbind();
    connector.trigger('private-conversation-1', 'client-typing', { isTyping: true, senderType: 'visitor' });
    expect(connector.state).toBe('disconnected');
    expect(await connector.adminsOnline()).toBe(false);
    expect(await connector.acknowledgeDelivered('c1', [1, 2])).toEqual([]);
    expect(await connector.sendMessage({ content: 'hi', clientMessageId: 'cm-1' })).toBeNull();
    connector.onConnectionChange(() => undefined)();
    connector.unsubscribe('private-conversation-1');
    expect(connector.subscribe('private-conversation-1')).not.toBe(channel);
    connector.disconnect();
  });
});
