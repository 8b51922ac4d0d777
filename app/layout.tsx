import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { ChatWidget } from '@/chat/visitor/chat-widget';
import { RealtimeConfigProvider } from '@/realtime/client/realtime-config';
import { publicRealtimeConfig } from '@/realtime/server/public-config';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Portfolio', template: '%s · Portfolio' },
  description: 'Portfolio and realtime chat',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The realtime driver is read at request time, never baked into a prerendered page at build time.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">
        <RealtimeConfigProvider config={publicRealtimeConfig()}>
          {children}
          {/* The floating chat on every public page (it hides itself on /chat and /admin). */}
          <ChatWidget />
        </RealtimeConfigProvider>
      </body>
    </html>
  );
}
