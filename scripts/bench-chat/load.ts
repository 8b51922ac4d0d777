/*
 * The load bench:chat puts on a target and what it measures: visitors each
 * sending on a steady schedule, the owner answering a fifth of them, the
 * assistant answering the rest when it is on, and every message followed to
 * where it should arrive.
 */
import fs from 'node:fs';
import { conversationChannel, type MessagePayload } from '@/realtime/channels';
import type { Target, Visitor } from './targets';

/** Microseconds on this process's monotonic clock: what clientMessageIds carry. */
const nowUs = () => Math.round(performance.now() * 1000);
const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, delay)));
const DRAIN_MS = 15_000;

/** Runs `task` for every item with at most `limit` in flight. */
export async function pool<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!, index);
      }
    }),
  );
  return results;
}

// ── Process figures (Linux /proc) ─────────────────────────────────────────

function processTree(pid: number): number[] {
  const pids = [pid];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) pids.push(...processTree(Number(child)));
    }
  } catch {
    // The process went away; nothing to read.
  }
  return pids;
}

/** User + system CPU seconds used so far by `pid` and its children. */
export function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const current of processTree(pid)) {
    try {
      // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
      const fields = fs.readFileSync(`/proc/${current}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone meanwhile.
    }
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

/** The largest resident set in the tree under `pid`, now (VmRSS) and at its peak (VmHWM), in MiB. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  let best = { rss: 0, peak: 0 };
  for (const current of processTree(pid)) {
    try {
      const status = fs.readFileSync(`/proc/${current}/status`, 'utf8');
      const peak = Number(status.match(/^VmHWM:\s+(\d+)/m)?.[1] ?? 0) / 1024;
      const rss = Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0) / 1024;
      if (peak > best.peak) best = { rss, peak };
    } catch {
      // Gone meanwhile.
    }
  }
  return best;
}

// ── One measured step ─────────────────────────────────────────────────────

export type StepFigures = {
  plannedRate: number;
  seconds: number;
  sent: number;
  acknowledged: number;
  visitorToOwner: number[];
  ownerToVisitor: number[];
  aiFirstToken: number[];
  aiReply: number[];
  lost: number;
  duplicates: number;
  ownerReplies: number;
  ownerRepliesLost: number;
  aiExpected: number;
  aiDelivered: number;
  failures: string[];
  cpuSeconds: number;
};

type Collector = {
  acknowledged: Set<string>;
  received: Set<string>;
  repliesAcknowledged: Set<string>;
  repliesReceived: Set<string>;
  replies: Promise<void>[];
  figures: StepFigures;
};

type LoadedVisitor = Visitor & {
  nextSeq: number;
  /** Send times (µs) of this visitor's messages the assistant has yet to answer, oldest first. */
  awaitingAi: number[];
  streamingTempId: string | null;
};

export type LoadOptions = { visitors: number; replyEvery: number; ai: boolean; setupConcurrency: number };

export function createLoad(target: Target, options: LoadOptions) {
  /** Tags this run's messages so a reused server's older messages are never counted. */
  const run = `b${Date.now().toString(36)}`;
  const tagPattern = new RegExp(`^${run}-([va])(\\d+)-(\\d+)-(\\d+)$`);
  const tag = (kind: 'v' | 'a', visitor: number, seq: number) => `${run}-${kind}${visitor}-${seq}-${nowUs()}`;
  const parse = (clientMessageId: string | null) => {
    const match = clientMessageId?.match(tagPattern);
    return match ? { kind: match[1] as 'v' | 'a', visitor: Number(match[2]), seq: Number(match[3]), sentAtUs: Number(match[4]) } : null;
  };
  const latencyMs = (sentAtUs: number) => (nowUs() - sentAtUs) / 1000;
  /** The owner answers every message of one visitor in `replyEvery`; with AI on, the assistant answers the others. */
  const ownerAnswers = (visitor: number) => visitor % options.replyEvery === 0;

  const visitors: LoadedVisitor[] = [];
  let collector = newCollector(0);
  /** False while priming: the assistant's answers to first messages are not measured. */
  let measuring = false;
  let lastAiActivity = 0;

  function newCollector(plannedRate: number): Collector {
    return {
      acknowledged: new Set(),
      received: new Set(),
      repliesAcknowledged: new Set(),
      repliesReceived: new Set(),
      replies: [],
      figures: {
        plannedRate,
        seconds: 0,
        sent: 0,
        acknowledged: 0,
        visitorToOwner: [],
        ownerToVisitor: [],
        aiFirstToken: [],
        aiReply: [],
        lost: 0,
        duplicates: 0,
        ownerReplies: 0,
        ownerRepliesLost: 0,
        aiExpected: 0,
        aiDelivered: 0,
        failures: [],
        cpuSeconds: 0,
      },
    };
  }

  async function reply(step: Collector, message: MessagePayload, visitor: number, seq: number) {
    const clientMessageId = tag('a', visitor, seq);
    const answer = await target.replyAsAdmin({ conversationId: message.conversationId, content: `re: message ${seq}`, clientMessageId });
    if (answer.ok) step.repliesAcknowledged.add(clientMessageId);
    else step.figures.failures.push(`owner reply: ${answer.error}`);
  }

  function watchVisitor(visitor: LoadedVisitor) {
    visitor.socket.on('new-message', (_channel, message) => {
      if (message.senderType === 'admin') {
        const sent = parse(message.clientMessageId);
        if (!sent || collector.repliesReceived.has(message.clientMessageId!)) return;
        collector.repliesReceived.add(message.clientMessageId!);
        collector.figures.ownerToVisitor.push(latencyMs(sent.sentAtUs));
      } else if (message.senderType === 'ai' && options.ai && !ownerAnswers(visitor.index)) {
        lastAiActivity = performance.now();
        const sentAtUs = visitor.awaitingAi.shift();
        visitor.streamingTempId = null;
        if (sentAtUs === undefined) return;
        collector.figures.aiDelivered += 1;
        collector.figures.aiReply.push(latencyMs(sentAtUs));
      }
    });
    visitor.socket.on('ai-stream', (_channel, { tempId }) => {
      lastAiActivity = performance.now();
      if (!options.ai || ownerAnswers(visitor.index) || tempId === visitor.streamingTempId) return;
      visitor.streamingTempId = tempId;
      const sentAtUs = visitor.awaitingAi[0];
      if (sentAtUs !== undefined) collector.figures.aiFirstToken.push(latencyMs(sentAtUs));
    });
  }

  async function send(visitor: LoadedVisitor) {
    const seq = visitor.nextSeq++;
    const clientMessageId = tag('v', visitor.index, seq);
    const step = collector;
    step.figures.sent += 1;
    const aiAnswers = measuring && options.ai && !ownerAnswers(visitor.index);
    if (aiAnswers) {
      visitor.awaitingAi.push(parse(clientMessageId)!.sentAtUs);
      step.figures.aiExpected += 1;
    }
    try {
      const answer = await target.sendAsVisitor(visitor, { content: `message ${seq} from visitor ${visitor.index}`, clientMessageId });
      if (!answer.ok) {
        step.figures.failures.push(`visitor send: ${answer.error}`);
        return null;
      }
      step.acknowledged.add(clientMessageId);
      return answer.message;
    } catch (error) {
      step.figures.failures.push(`visitor send: ${(error as Error).message}`);
      return null;
    }
  }

  const everythingArrived = () =>
    [...collector.acknowledged].every((id) => collector.received.has(id)) &&
    [...collector.repliesAcknowledged].every((id) => collector.repliesReceived.has(id)) &&
    (!options.ai || collector.figures.aiDelivered >= collector.figures.aiExpected);

  async function drain() {
    const until = performance.now() + DRAIN_MS;
    while (performance.now() < until) {
      await Promise.allSettled(collector.replies);
      if (everythingArrived()) return;
      await sleep(50);
    }
    await Promise.allSettled(collector.replies);
  }

  return {
    visitors,
    /** The owner's socket and every visitor's (sessions over HTTP first, on Tanya). */
    async connect() {
      const admin = await target.connectAdmin();
      admin.on('new-message-alert', (_channel, { message }) => {
        const sent = parse(message.clientMessageId);
        if (!sent || sent.kind !== 'v') return;
        const step = collector;
        if (step.received.has(message.clientMessageId!)) {
          step.figures.duplicates += 1;
          return;
        }
        step.received.add(message.clientMessageId!);
        step.figures.visitorToOwner.push(latencyMs(sent.sentAtUs));
        if (ownerAnswers(sent.visitor)) {
          step.figures.ownerReplies += 1;
          step.replies.push(reply(step, message, sent.visitor, sent.seq).catch((error: Error) => void step.figures.failures.push(`owner reply: ${error.message}`)));
        }
      });
      const connected = await pool(
        Array.from({ length: options.visitors }, (_, index) => index),
        options.setupConcurrency,
        async (index) => {
          const visitor: LoadedVisitor = { ...(await target.connectVisitor(index)), nextSeq: 1, awaitingAi: [], streamingTempId: null };
          watchVisitor(visitor);
          return visitor;
        },
      );
      visitors.push(...connected);
    },

    /**
     * Every visitor's first message, outside the measurement: it opens the
     * conversation, which the visitor then subscribes to (as the widget does),
     * and a fresh server compiles each path on its first requests.
     */
    async prime() {
      collector = newCollector(0);
      await pool(visitors, options.setupConcurrency, async (visitor) => {
        const first = await send(visitor);
        if (!first) throw new Error(`priming visitor ${visitor.index}: ${collector.figures.failures.at(-1)}`);
        visitor.conversationId = first.conversationId;
        await target.subscribe(visitor.socket, conversationChannel(first.conversationId));
      });
      await drain();
      // Some first answers stream before their visitor has subscribed: wait for the assistant to go quiet instead.
      const until = performance.now() + DRAIN_MS;
      while (options.ai && performance.now() < until && performance.now() - lastAiActivity < 1000) await sleep(100);
      measuring = true;
    },

    /** Every visitor sends `messages` messages, each `intervalMs` after the last, spread evenly over one interval. */
    async step(intervalMs: number, messages: number): Promise<StepFigures> {
      const plannedRate = (visitors.length * 1000) / intervalMs;
      const step = (collector = newCollector(plannedRate));
      const cpuBefore = target.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
      const started = performance.now();
      await Promise.all(
        visitors.map(async (visitor, position) => {
          const startAt = started + (position / visitors.length) * intervalMs;
          for (let i = 0; i < messages; i += 1) {
            await sleep(startAt + i * intervalMs - performance.now());
            await send(visitor);
          }
        }),
      );
      step.figures.seconds = (performance.now() - started) / 1000;
      await drain();
      step.figures.cpuSeconds = target.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - cpuBefore;
      step.figures.acknowledged = step.acknowledged.size;
      step.figures.lost = [...step.acknowledged].filter((id) => !step.received.has(id)).length;
      step.figures.ownerRepliesLost = [...step.repliesAcknowledged].filter((id) => !step.repliesReceived.has(id)).length;
      for (const list of [step.figures.visitorToOwner, step.figures.ownerToVisitor, step.figures.aiFirstToken, step.figures.aiReply]) list.sort((a, b) => a - b);
      return step.figures;
    },

    /** What the target stored, against what was acknowledged: every visitor message once, every assistant answer. */
    async verifyStored(): Promise<{ visitorMessages: number; expectedVisitorMessages: number; aiMessages: number } | null> {
      const { storedMessages } = target;
      if (!storedMessages) return null;
      const counts = await pool(visitors, 16, async (visitor) => {
        const messages = await storedMessages(visitor.conversationId!);
        const ours = messages.filter((message) => message.senderType === 'visitor' && parse(message.clientMessageId));
        return { visitor: ours.length, ai: messages.filter((message) => message.senderType === 'ai').length };
      });
      return {
        visitorMessages: counts.reduce((sum, count) => sum + count.visitor, 0),
        expectedVisitorMessages: visitors.reduce((sum, visitor) => sum + visitor.nextSeq - 1, 0),
        aiMessages: counts.reduce((sum, count) => sum + count.ai, 0),
      };
    },
  };
}
export type Load = ReturnType<typeof createLoad>;
