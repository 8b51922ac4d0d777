import type { NextConfig } from 'next';
import { API_CONTENT_SECURITY_POLICY } from './src/http/server/csp';

const isProduction = process.env.NODE_ENV === 'production';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ...(isProduction ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: { turbopackSourceMaps: false },
  serverExternalPackages: ['better-sqlite3', 'argon2', 'mysql2', 'pino', 'pusher', 'pdfkit', 'sharp'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // API answers carry personal data and are never pages: not stored by any cache, allowed to do nothing.
      // Applied to the 404 of an unknown API route too. Images (below) set their own.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
      // Except an image, which its route marks private (members only) and cacheable by that browser.
      { source: '/api/:path((?!chat/uploads/).*)', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
    ];
  },
};

export default nextConfig;
