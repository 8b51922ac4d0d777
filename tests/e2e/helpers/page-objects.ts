import type { Locator, Page } from 'playwright-core';

/*
 * Page objects find elements by kebab-case data-testid only, so tests survive
 * styling and copy changes. Assertions wait with `waitUntil` instead of sleeping.
 */

export function byTestId(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`[data-testid="${testId}"]`);
}

/** Polls `check` until it returns true (or a non-false value), failing with `what` after the timeout. */
export async function waitUntil<T>(check: () => Promise<T | false | null | undefined> | T | false | null | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result !== false && result !== null && result !== undefined) return result as T;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `waiting`, or its failure with `explain()`'s account of what the page or server held instead appended to the error. */
export async function explainFailure<T>(waiting: Promise<T>, explain: () => Promise<string>): Promise<T> {
  try {
    return await waiting;
  } catch (error) {
    throw new Error(`${String(error)}\n${await explain()}`);
  }
}

/** The element's text, or `absent` when it is not on the page (asked at once, without waiting for it to appear). */
export async function textIfPresent(locator: Locator, absent: string): Promise<string | null> {
  return (await locator.count()) > 0 ? locator.textContent() : absent;
}

/** The visitor's chat, on /chat or inside the open widget: both render the same panel. */
export class VisitorChat {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return byTestId(this.page, 'chat-panel');
  }
  get input(): Locator {
    return byTestId(this.panel, 'composer-input');
  }
  get messages(): Locator {
    return byTestId(this.panel, 'message');
  }
  testId(id: string): Locator {
    return byTestId(this.panel, id);
  }

  async openPage(): Promise<void> {
    await this.page.goto('/chat');
    await this.waitForHydration();
  }

  /**
   * The server renders the panel; a click before React has hydrated it is
   * lost, and stored preferences show only after it.
   */
  async waitForHydration(): Promise<void> {
    await this.input.waitFor();
    await waitUntil(() => this.input.evaluate((input) => Object.keys(input).some((key) => key.startsWith('__reactProps$'))), 'React to hydrate the chat');
  }

  /** Types like a person (so typing events fire) and presses Enter. */
  async send(text: string): Promise<void> {
    await this.input.click();
    await this.input.pressSequentially(text, { delay: 5 });
    await this.input.press('Enter');
  }

  /** The message whose text contains `text` (the last one if several do). */
  message(text: string): Locator {
    return this.messages.filter({ hasText: text }).last();
  }

  async statusOf(text: string): Promise<string | null> {
    return this.message(text).getAttribute('data-status');
  }

  async waitForStatus(text: string, status: string, timeoutMs = 10_000): Promise<void> {
    await waitUntil(async () => (await this.statusOf(text)) === status, `"${text}" to be ${status}`, timeoutMs);
  }
}
