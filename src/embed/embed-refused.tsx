/** What /embed/chat shows a site that is not on the allow-list (or a visitor who opened it directly): nothing of the chat. */
export function EmbedRefused() {
  return (
    <main className="flex h-dvh flex-col items-center justify-center gap-3 p-6 text-center" data-testid="embed-refused">
      <h1 className="text-lg font-semibold text-slate-900">The chat is not available on this site</h1>
      <p className="max-w-xs text-sm text-slate-600">
        This site is not on the list of sites allowed to show it. If it is your site, add its address to the embed allow-list in the chat
        settings.
      </p>
    </main>
  );
}
