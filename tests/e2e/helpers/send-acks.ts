import type { Page } from 'playwright-core';
import type { MessageSendAck } from '@/realtime/protocol';

/**
 * What a test does to the answer of one `message:send` over the page's
 * socket: let it through, lose it on the way back (the server did store the
 * message), or put another answer in its place (after `await`ing whatever
 * the test wants to happen first).
 */
export type SendAckVerdict = 'pass' | 'drop' | { replaceWith: MessageSendAck };

/*
 * Engine.IO text frames carry Socket.IO packets: "42<ackId>[event, …]" is an
 * event that wants an answer, "43<ackId>[answer]" that answer.
 */
const SEND_EVENT = /^42(\d+)\["message:send"/;
const ACK = /^43(\d+)\[/;

/**
 * Stands between the page and its Socket.IO websocket, passing every frame
 * through except the answers to `message:send`, which `decide` sees first.
 * The page's HTTP requests are `page.route`'s business, as usual. Call before
 * the page connects.
 */
export async function interceptSendAcks(page: Page, decide: (ack: MessageSendAck) => SendAckVerdict | Promise<SendAckVerdict>): Promise<void> {
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    const sendAckIds = new Set<string>();
    ws.onMessage((frame) => {
      const send = typeof frame === 'string' ? SEND_EVENT.exec(frame) : null;
      if (send) sendAckIds.add(send[1]!);
      server.send(frame);
    });
    server.onMessage(async (frame) => {
      const ack = typeof frame === 'string' ? ACK.exec(frame) : null;
      if (!ack || !sendAckIds.delete(ack[1]!)) {
        ws.send(frame);
        return;
      }
      const [answer] = JSON.parse((frame as string).slice(2 + ack[1]!.length)) as [MessageSendAck];
      const verdict = await decide(answer);
      if (verdict === 'pass') ws.send(frame);
      else if (verdict !== 'drop') ws.send(`43${ack[1]}${JSON.stringify([verdict.replaceWith])}`);
    });
  });
}
