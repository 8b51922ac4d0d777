import type { Metadata, Viewport } from 'next';
import { ChatWidget } from '@/chat/visitor/chat-widget';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Portfolio', template: '%s · Portfolio' },
  description: 'Portfolio and realtime chat',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">
        {children}
        {/* The floating chat on every public page (it hides itself on /chat and /admin). */}
        <ChatWidget />
      </body>
    </html>
  );
}
