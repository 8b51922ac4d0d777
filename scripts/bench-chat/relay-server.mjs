/*
 * The floor bench:chat compares Tanya with: a bare Socket.IO relay on the
 * same Node, with no database, no authentication and no rendering. It speaks
 * the subset of Tanya's wire protocol the benchmark uses (the same event
 * names and `(channel, data)` arguments, `message:send` with an ack, and a
 * JSON POST for the HTTP path), so one load generator drives both.
 *
 * Run by the benchmark as its own process; prints `{"listening":port}` once
 * it accepts connections.
 */
import http from 'node:http';
import { Server } from 'socket.io';

const ADMINS = 'admins';
const visitorRoom = (id) => `visitor:${id}`;
let nextMessageId = 1;

/** A visitor's message goes to the admins; an admin's to the visitor whose conversation it names. */
function relay(sender, input) {
  const message = {
    id: nextMessageId++,
    conversationId: sender.role === 'visitor' ? sender.id : String(input.conversationId),
    content: String(input.content),
    senderType: sender.role,
    clientMessageId: input.clientMessageId ?? null,
    createdAt: new Date().toISOString(),
  };
  if (sender.role === 'visitor') io.to(ADMINS).emit('new-message-alert', 'private-admin-notifications', { message });
  else io.to(visitorRoom(message.conversationId)).emit('new-message', `private-conversation-${message.conversationId}`, message);
  return message;
}

function senderOf(headers) {
  return headers['x-relay-admin'] ? { role: 'admin' } : { role: 'visitor', id: String(headers['x-relay-visitor']) };
}

const httpServer = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/send') {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const message = relay(senderOf(req.headers), JSON.parse(Buffer.concat(chunks).toString('utf8')));
    const body = JSON.stringify({ success: true, data: message });
    res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
});

const io = new Server(httpServer, { path: '/socket.io/', transports: ['websocket'] });
io.on('connection', (socket) => {
  const auth = socket.handshake.auth ?? {};
  const sender = auth.admin ? { role: 'admin' } : { role: 'visitor', id: String(auth.visitor) };
  void socket.join(sender.role === 'admin' ? ADMINS : visitorRoom(sender.id));
  socket.on('subscribe', (_channel, ack) => ack?.({ ok: true }));
  socket.on('message:send', (input, ack) => {
    const message = relay(sender, input);
    ack?.({ ok: true, message, conversationId: message.conversationId, aiResponsePending: false });
  });
});

httpServer.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ listening: httpServer.address().port })));
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
