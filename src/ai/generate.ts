import type { LanguageModelV3 } from '@ai-sdk/provider';
import { streamText, type ModelMessage, type ProviderMetadata } from 'ai';
import { HANDOVER_MARKER } from './prompt';

/**
 * One attempt at a reply, streamed from any provider through the AI SDK.
 * The handover marker is held back while it may still be arriving and is
 * never shown; a provider that goes quiet for `timeoutMs` (before the first
 * token or between tokens) fails the attempt.
 */

export class ProviderTimeoutError extends Error {
  override name = 'ProviderTimeoutError';
}

/**
 * A provider error as it may be logged: the SDK's errors carry the request
 * body (the system prompt and the visitor's messages), which never goes to
 * the logs, so only the name, message and HTTP status are kept.
 */
export function describeProviderError(error: unknown): { name: string; message: string; statusCode?: number } {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { statusCode } = error as { statusCode?: unknown };
  return { name: error.name, message: error.message, ...(typeof statusCode === 'number' ? { statusCode } : {}) };
}

export type GenerationRequest = {
  model: LanguageModelV3;
  system?: string;
  messages: ModelMessage[];
  temperature?: number;
  maxOutputTokens: number;
  timeoutMs: number;
  signal: AbortSignal;
  /** The visible reply so far, every time it grows. */
  onText?: (text: string) => void;
};

export type Generation = {
  text: string;
  handover: boolean;
  inputTokens: number;
  outputTokens: number;
  timeToFirstTokenMs: number | null;
  totalMs: number;
  providerMetadata: ProviderMetadata | undefined;
};

/**
 * The reply as the visitor may see it: markers removed and, while the stream
 * is still running, a marker that may be arriving (a trailing "[[hand") held back.
 */
export function visibleReply(raw: string, { complete }: { complete: boolean }): { text: string; handover: boolean } {
  const handover = raw.includes(HANDOVER_MARKER);
  let text = raw.split(HANDOVER_MARKER).join('').trimStart();
  if (!complete) {
    for (let length = Math.min(HANDOVER_MARKER.length - 1, text.length); length > 0; length--) {
      if (HANDOVER_MARKER.startsWith(text.slice(-length))) {
        text = text.slice(0, -length);
        break;
      }
    }
  }
  return { text, handover };
}

export async function generateReply(request: GenerationRequest): Promise<Generation> {
  const startedAt = performance.now();
  const attempt = new AbortController();
  const forwardAbort = () => attempt.abort(request.signal.reason);
  if (request.signal.aborted) forwardAbort();
  request.signal.addEventListener('abort', forwardAbort, { once: true });
  let silence: NodeJS.Timeout | undefined;
  const restartSilenceTimer = () => {
    clearTimeout(silence);
    silence = setTimeout(
      () => attempt.abort(new ProviderTimeoutError(`the provider sent nothing for ${request.timeoutMs} ms`)),
      request.timeoutMs,
    );
  };

  try {
    restartSilenceTimer();
    const result = streamText({
      model: request.model,
      system: request.system,
      messages: request.messages,
      temperature: request.temperature,
      maxOutputTokens: request.maxOutputTokens,
      abortSignal: attempt.signal,
      // Retries are ours (one, after a failure or timeout), so they also cover a stream that breaks halfway.
      maxRetries: 0,
      // Errors arrive as stream parts and are thrown below; the SDK's default would also print them to stderr.
      onError: () => undefined,
    });
    let raw = '';
    let shown = '';
    let timeToFirstTokenMs: number | null = null;
    for await (const part of result.fullStream) {
      // Any part (reasoning included) shows the provider is alive.
      restartSilenceTimer();
      if (part.type === 'error') throw part.error;
      if (part.type === 'abort') throw new Error('the reply was aborted');
      if (part.type === 'finish') {
        const visible = visibleReply(raw, { complete: true });
        return {
          text: visible.text.trim(),
          handover: visible.handover,
          inputTokens: part.totalUsage.inputTokens ?? 0,
          outputTokens: part.totalUsage.outputTokens ?? 0,
          timeToFirstTokenMs,
          totalMs: Math.round(performance.now() - startedAt),
          providerMetadata: await result.providerMetadata,
        };
      }
      if (part.type !== 'text-delta') continue;
      timeToFirstTokenMs ??= Math.round(performance.now() - startedAt);
      raw += part.text;
      const { text } = visibleReply(raw, { complete: false });
      if (text !== shown) {
        shown = text;
        request.onText?.(text);
      }
    }
    throw new Error('the provider closed the stream without finishing the reply');
  } catch (error) {
    // An abort mid-stream surfaces as a broken-response error; the reason (timeout, takeover) is what matters.
    throw attempt.signal.aborted ? attempt.signal.reason : error;
  } finally {
    clearTimeout(silence);
    request.signal.removeEventListener('abort', forwardAbort);
  }
}
