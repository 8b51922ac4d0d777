import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { HANDOVER_MARKER } from '../prompt';
import type { PortfolioFact } from '../portfolio-facts';
import { composeLocalAnswer } from './answers';

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

/** The visitor's latest message: the question to answer. */
function lastUserText(prompt: LanguageModelV3Prompt): string {
  for (let index = prompt.length - 1; index >= 0; index--) {
    const message = prompt[index]!;
    if (message.role === 'user') return message.content.map((part) => (part.type === 'text' ? part.text : '')).join(' ');
  }
  return '';
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
 * facts against the visitor's latest message and writes a short grounded
 * answer, or a handover. Deterministic and offline, so it works with no key
 * and makes tests repeatable. The facts it used travel in providerMetadata.
 */
export function createLocalModel(facts: PortfolioFact[]): LanguageModelV3 {
  function answer(options: LanguageModelV3CallOptions) {
    const result = composeLocalAnswer(lastUserText(options.prompt), facts);
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
