/*
 * AI reply benchmark (a script, not a test): `npm run bench:ai [-- --questions 100]`.
 *
 * Starts the production server with its limits off, and asks the assistant
 * N questions (English and Indonesian, one at a time, each visitor a real
 * Socket.IO client on its conversation channel), first with the built-in
 * local provider, then with the openai-compatible provider against a
 * chat-completions server inside this script. For each it reports p50/p95
 * of the time from sending the message to the first streamed text
 * (`ai-stream`) and to the stored reply (`new-message`); for the compatible
 * provider also the upstream's own first token and our overhead over it
 * (the moment the client sees the first text minus the moment the upstream
 * wrote its first token, on one clock: this process's).
 *
 * First, in process, the local engine's CPU cost on a 10x portfolio and its
 * accuracy on the visitor-question set (`--engine-only` stops there).
 */
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { conversationChannel, type MessagePayload, type ServerEvents } from '@/realtime/channels';
import type { ClientToServerEvents, ServerToClientEvents } from '@/realtime/protocol';
import { noRateLimits } from '../tests/chat/realtime-helpers';
import { ensureFreshBuild } from '../tests/helpers/build';
import { startChatCompletionsUpstream } from '../tests/helpers/chat-completions-upstream';
import { api, signInAsAdmin, startTestServer } from '../tests/helpers/server';
import { benchLocalEngine } from './bench-local-engine';
import { ms, percentile } from './stats';

const { values: args } = parseArgs({
  options: {
    questions: { type: 'string', default: '100' },
    visitors: { type: 'string', default: '10' },
    'upstream-first-token-ms': { type: 'string', default: '100' },
    'engine-only': { type: 'boolean', default: false },
  },
  strict: true,
});

const QUESTIONS = Number(args.questions);
const VISITORS = Number(args.visitors);
const UPSTREAM_FIRST_TOKEN_MS = Number(args['upstream-first-token-ms']);
for (const [name, value] of Object.entries({ questions: QUESTIONS, visitors: VISITORS, 'upstream-first-token-ms': UPSTREAM_FIRST_TOKEN_MS })) {
  if (!Number.isInteger(value) || value < (name === 'upstream-first-token-ms' ? 0 : 1)) {
    console.error(`--${name} must be a whole number${name === 'upstream-first-token-ms' ? '' : ' of at least 1'}`);
    process.exit(2);
  }
}

const ADMIN = { email: 'bench@example.com', password: 'bench password that is long enough' };
const QUESTION_POOL = [
  "What's your tech stack?",
  'Where have you worked?',
  'Tell me about project Warung POS',
  'How can I contact you?',
  'Are you available for freelance work?',
  'Teknologi apa saja yang kamu pakai?',
  'Kamu pernah kerja di mana saja?',
  'Ceritakan tentang proyek Pantau Banjir',
  'Bagaimana cara menghubungi kamu?',
  'Do you know Kubernetes?',
];
const UPSTREAM_ANSWER = 'Rizky works mostly with TypeScript, Next.js and Go, and has shipped products for startups across Southeast Asia.'
  .split(/(?<= )/);

type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Visitor = { token: string; conversationId: string; socket: BenchSocket };
type Sample = { firstTextAt: number; storedAt: number };

// Measured before the server starts, so its build and traffic do not share the CPU.
console.log(benchLocalEngine().join('\n'));
if (args['engine-only']) process.exit(0);

ensureFreshBuild();
const upstream = await startChatCompletionsUpstream({
  kind: 'stream',
  chunks: UPSTREAM_ANSWER,
  firstTokenDelayMs: UPSTREAM_FIRST_TOKEN_MS,
  chunkDelayMs: 5,
});
const server = await startTestServer({
  env: {
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...noRateLimits,
    // The bench measures the assistant, not the bot gate in front of new sessions.
    CHAT_BOT_GATE: 'off',
    AI_REPLIES_PER_CONVERSATION_PER_HOUR: '0',
    AI_DAILY_TOKEN_BUDGET: '0',
    AI_BASE_URL: upstream.baseUrl,
    AI_MODEL: 'bench-model',
  },
});
const cookie = await signInAsAdmin(server, ADMIN);
const changeSettings = async (body: Record<string, unknown>) => {
  const response = await api(server, '/api/chat/settings', { method: 'PATCH', body, cookie });
  if (response.status !== 200) throw new Error(`settings change failed: ${JSON.stringify(response.body)}`);
};

/** Visitors with a conversation and a subscribed socket, made while auto-reply is off so their first message gets no reply. */
async function createVisitors(): Promise<Visitor[]> {
  await changeSettings({ aiEnabled: false });
  const visitors: Visitor[] = [];
  for (let index = 0; index < VISITORS; index++) {
    const session = await api(server, '/api/chat/session', { body: {} });
    const token: string = session.body.data.sessionToken;
    const first = await api(server, '/api/chat/send', { body: { content: 'Hello' }, headers: { 'x-session-token': token } });
    const conversationId: string = first.body.data.conversationId;
    const socket: BenchSocket = io(server.url, { auth: { sessionToken: token }, transports: ['websocket'], forceNew: true });
    const ack = await socket.timeout(10_000).emitWithAck('subscribe', conversationChannel(conversationId));
    if (!ack.ok) throw new Error(`subscribe refused: ${ack.error}`);
    visitors.push({ token, conversationId, socket });
  }
  await changeSettings({ aiEnabled: true });
  return visitors;
}

/** Sends one question and resolves when its reply is stored, with the times (performance.now) the client saw. */
function ask(visitor: Visitor, question: string): Promise<{ sentAt: number } & Sample> {
  return new Promise((resolve, reject) => {
    let sentAt = 0;
    let firstTextAt = 0;
    const timer = setTimeout(() => finish(new Error(`no reply to "${question}" within 30 s`)), 30_000);
    const onStream = (_channel: string, data: ServerEvents['ai-stream']) => {
      if (data.conversationId === visitor.conversationId && !firstTextAt) firstTextAt = performance.now();
    };
    const onMessage = (_channel: string, message: MessagePayload) => {
      if (message.conversationId !== visitor.conversationId || message.senderType !== 'ai') return;
      finish(null, { sentAt, firstTextAt: firstTextAt || performance.now(), storedAt: performance.now() });
    };
    const finish = (error: Error | null, sample?: { sentAt: number } & Sample) => {
      clearTimeout(timer);
      visitor.socket.off('ai-stream', onStream);
      visitor.socket.off('new-message', onMessage);
      if (error) reject(error);
      else resolve(sample!);
    };
    visitor.socket.on('ai-stream', onStream);
    visitor.socket.on('new-message', onMessage);
    sentAt = performance.now();
    api(server, '/api/chat/send', { body: { content: question }, headers: { 'x-session-token': visitor.token } }).then(
      (response) => response.status === 201 || finish(new Error(`send failed: ${response.status}`)),
      (error: Error) => finish(error),
    );
  });
}

type Run = { firstText: number[]; stored: number[]; upstreamFirstToken: number[]; overhead: number[] };

async function run(provider: 'local' | 'openai-compatible', visitors: Visitor[]): Promise<Run> {
  await changeSettings({ aiProvider: provider });
  const result: Run = { firstText: [], stored: [], upstreamFirstToken: [], overhead: [] };
  // Warm the routes and the provider up; these are not measured.
  for (const visitor of visitors) await ask(visitor, QUESTION_POOL[0]!);
  for (let index = 0; index < QUESTIONS; index++) {
    const requestIndex = upstream.requests.length;
    const sample = await ask(visitors[index % visitors.length]!, QUESTION_POOL[index % QUESTION_POOL.length]!);
    result.firstText.push(sample.firstTextAt - sample.sentAt);
    result.stored.push(sample.storedAt - sample.sentAt);
    const sent = upstream.requests[requestIndex];
    if (provider === 'openai-compatible' && sent?.firstTokenAt) {
      result.upstreamFirstToken.push(sent.firstTokenAt - sample.sentAt);
      result.overhead.push(sample.firstTextAt - sent.firstTokenAt);
    }
  }
  for (const list of Object.values(result)) list.sort((a, b) => a - b);
  return result;
}

const line = (label: string, values: number[]) =>
  `  ${label.padEnd(44)} p50 ${ms(percentile(values, 50)).padStart(7)}  p95 ${ms(percentile(values, 95)).padStart(7)}  max ${ms(values.at(-1) ?? NaN).padStart(7)}  (n=${values.length})`;

try {
  const visitors = await createVisitors();
  const local = await run('local', visitors);
  const compatible = await run('openai-compatible', visitors);
  for (const visitor of visitors) visitor.socket.disconnect();

  const localP95 = percentile(local.firstText, 95);
  const overheadP95 = percentile(compatible.overhead, 95);
  console.log(
    [
      `bench:ai — ${QUESTIONS} questions per provider, one at a time, over ${VISITORS} visitors (times in ms from POST /api/chat/send)`,
      'local provider:',
      line('send → first streamed text (ai-stream)', local.firstText),
      line('send → stored reply (new-message)', local.stored),
      `openai-compatible provider (in-script upstream, first token after ${UPSTREAM_FIRST_TOKEN_MS} ms, ${UPSTREAM_ANSWER.length} chunks):`,
      line('send → first streamed text (ai-stream)', compatible.firstText),
      line('send → stored reply (new-message)', compatible.stored),
      line("send → upstream's own first token", compatible.upstreamFirstToken),
      line("our overhead: upstream's first token → client", compatible.overhead),
      `targets: local p95 first text < 150 ms: ${localP95 < 150 ? 'met' : 'MISSED'} (${ms(localP95)}); ` +
        `overhead p95 < 30 ms: ${overheadP95 < 30 ? 'met' : 'MISSED'} (${ms(overheadP95)})`,
    ].join('\n'),
  );
} finally {
  await server.stop();
  await upstream.close();
}
