import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: ['.next/**', 'dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'drizzle/**', 'next-env.d.ts'] },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Only src/realtime may talk to Socket.IO directly; the rest goes through its interfaces.
    // Tests and the benchmark script are clients of the wire protocol itself.
    files: ['**/*.{ts,tsx}'],
    ignores: ['src/realtime/**', 'tests/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['socket.io', 'socket.io-client', 'socket.io/*'], message: 'Use the broadcaster/connector interfaces in src/realtime.' }] }],
    },
  },
];

export default config;
