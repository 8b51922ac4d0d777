import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { HANDOVER_MARKER } from '../prompt';
import { composeLocalAnswer } from './answers';
import type { PortfolioIndex } from './portfolio-index';
import type { Turn } from './understand';

export const LOCAL_MODEL_ID = 'portfolio-retrieval';

/** Rough token count (about four characters each), so usage metadata and budgets have a number. */
const estimateTokens = (text: string) => Math.ceil(text.length / 4);

function promptText(prompt: LanguageModelV3Prompt): string {
  return prompt
    .map((message) =>
      typeof message.content === 'string'
        ? message.content
        : message.content.map((part) => (part.type === 'text' ? part.text : '')).join(''),
    )
    .join('\n');
}

/**
 * The conversation up to the visitor's latest message, which is the question;
 * the turns before it say what "it" and "there" refer to.
 */
function conversationOf(prompt: LanguageModelV3Prompt): Turn[] {
  const turns: Turn[] = [];
  for (const message of prompt) {
    if (message.role !== 'user' && message.role !== 'assistant') continue;
    const text = message.content.map((part) => (part.type === 'text' ? part.text : '')).join(' ');
    turns.push({ role: message.role, text });
  }
  const lastQuestion = turns.findLastIndex((turn) => turn.role === 'user');
  return turns.slice(0, lastQuestion + 1);
}

function usageOf(inputTokens: number, outputTokens: number): LanguageModelV3Usage {
  return {
    inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
  };
}

/** A few words per chunk: streamed like a hosted model, so the UI path is the same. */
function chunksOf(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

/**
 * The built-in provider as an AI SDK language model: it ranks the portfolio's
 * index against the visitor's latest message (read with the conversation
 * before it) and writes a short grounded answer, or a handover.
 * Deterministic and offline, so it works with no key and makes tests
 * repeatable. The facts it used travel in providerMetadata, not in the text.
 */
export function createLocalModel(index: PortfolioIndex): LanguageModelV3 {
  function answer(options: LanguageModelV3CallOptions) {
    const result = composeLocalAnswer(conversationOf(options.prompt), index);
    const text = result.handover ? `${HANDOVER_MARKER} ${result.text}` : result.text;
    const providerMetadata = {
      local: { facts: result.facts.map(({ source, label, text: factText }) => ({ source, label, text: factText })) },
    };
    return { text, providerMetadata, usage: usageOf(estimateTokens(promptText(options.prompt)), estimateTokens(text)) };
  }

  return {
    specificationVersion: 'v3',
    provider: 'local',
    modelId: LOCAL_MODEL_ID,
    supportedUrls: {},

    async doGenerate(options) {
      const { text, providerMetadata, usage } = answer(options);
      return {
        content: [{ type: 'text', text }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage,
        providerMetadata,
        warnings: [],
      };
    },

    async doStream(options) {
      const { text, providerMetadata, usage } = answer(options);
      const parts: LanguageModelV3StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 'answer' },
        ...chunksOf(text).map((delta): LanguageModelV3StreamPart => ({ type: 'text-delta', id: 'answer', delta })),
        { type: 'text-end', id: 'answer' },
        { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage, providerMetadata },
      ];
      const signal = options.abortSignal;
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        pull(controller) {
          if (signal?.aborted) {
            controller.error(signal.reason);
            return;
          }
          const next = parts.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
      return { stream };
    },
  };
}
