import { expect } from 'vitest';
import { ConfigError, parseEnv } from '@/config/env';

/** An environment with only these variables set. */
export const only = (variables: Record<string, string> = {}): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', ...variables });

/** The message of the ConfigError these variables cause (fails the test when they are accepted). */
export function configFailure(variables: Record<string, string>): string {
  try {
    parseEnv(only(variables));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}
