import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renewUntilDone } from '@/chat/visitor/use-visitor-session';

describe('renewUntilDone', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tries again every few seconds after a failure and stops once it succeeds', async () => {
    const renew = vi.fn().mockRejectedValueOnce(new Error('offline')).mockRejectedValueOnce(new Error('offline')).mockResolvedValue('session');
    renewUntilDone(renew);
    await vi.advanceTimersByTimeAsync(0);
    expect(renew).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(renew).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(renew).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(renew).toHaveBeenCalledTimes(3);
  });

  it('tries no more once stopped, even with a failure in flight', async () => {
    let fail: (error: Error) => void = () => undefined;
    const renew = vi.fn(() => new Promise((_, reject) => (fail = reject)));
    const stop = renewUntilDone(renew);
    stop();
    fail(new Error('offline'));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(renew).toHaveBeenCalledTimes(1);
  });
});
