/*
 * The embed loader: what `<script src="https://chat.example.com/embed.js">`
 * runs on someone else's page. It is served as this one function's source
 * (app/embed.js/route.ts calls it with its config), so it must stay
 * self-contained: no imports, nothing from the module around it, only
 * syntax the browsers in use run as it is.
 *
 * On the host page it draws only the launcher, in a shadow root so the
 * page's CSS cannot restyle it, and creates no cookie. The chat itself
 * (and its session token) lives in an iframe on Tanya's origin, created
 * when the launcher is first pressed, or at once for a browser that already
 * has a conversation, so its badge can count replies that came meanwhile.
 */

type Labels = { title: string; open: string; close: string; unreadOne: string; unreadMany: string };

export type EmbedLoaderConfig = {
  channel: string;
  version: number;
  chatPath: string;
  query: { host: string; page: string; lang: string; color: string };
  icons: { chat: string; collapse: string };
  labels: Record<'en' | 'id', Labels>;
  /** The host page's localStorage key remembering that this browser has a conversation (a flag, never a token). */
  returningKey: string;
  defaultColor: string;
};

type UnreadListener = (count: number) => void;

export type TanyaApi = {
  version: number;
  open: () => void;
  close: () => void;
  on: (event: 'unread', listener: UnreadListener) => () => void;
  off: (event: 'unread', listener: UnreadListener) => void;
  setVisitor: (profile: { name?: string; email?: string }) => void;
};

export function tanyaEmbedLoader(config: EmbedLoaderConfig): void {
  const script = document.currentScript as HTMLScriptElement | null;
  const page = window as Window & { Tanya?: TanyaApi };
  // Pasted twice, or loaded by a page that already has it: the first copy stays in charge.
  if (!script || page.Tanya) return;

  const tanyaOrigin = new URL(script.src).origin;
  const options = script.dataset;
  const side = options.position === 'left' ? 'left' : 'right';
  const color = /^#(?:[0-9a-f]{3}){1,2}$/i.test(options.color || '') ? (options.color as string) : config.defaultColor;
  const languages = navigator.languages && navigator.languages.length > 0 ? navigator.languages : [navigator.language || ''];
  // data-lang sets the chat's language; without it the chat follows the browser (or the visitor's own choice in it).
  const chosenLang = options.lang === 'id' || options.lang === 'en' ? options.lang : null;
  const lang = chosenLang || (/^id\b/i.test(languages[0] || '') ? 'id' : 'en');
  const labels = config.labels[lang];

  let frame: HTMLIFrameElement | null = null;
  let frameReady = false;
  let isOpen = false;
  let unread = 0;
  let visitor: { name?: string; email?: string } | null = null;
  const listeners: UnreadListener[] = [];

  const container = document.createElement('div');
  container.setAttribute('data-tanya-embed', '');
  const root = container.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = [
    ':host{all:initial}',
    `.launcher{position:fixed;bottom:20px;${side}:20px;z-index:2147483000;width:56px;height:56px;padding:0;border:0;border-radius:50%;background:${color};color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 10px 15px -3px rgba(0,0,0,.2),0 4px 6px -4px rgba(0,0,0,.2)}`,
    `.launcher:focus-visible{outline:2px solid ${color};outline-offset:2px}`,
    '.badge{position:absolute;top:-4px;right:-4px;box-sizing:border-box;min-width:20px;height:20px;padding:0 6px;border-radius:10px;background:#e11d48;color:#fff;font:700 11px/20px system-ui,sans-serif;box-shadow:0 0 0 2px #fff}',
    `.frame{position:fixed;bottom:96px;${side}:20px;z-index:2147483001;width:400px;height:min(680px,calc(100vh - 8rem));border:0;border-radius:16px;background:#fff;box-shadow:0 25px 50px -12px rgba(0,0,0,.3)}`,
    '.frame[hidden],.badge[hidden]{display:none}',
    '@media (max-width:639px){.frame{inset:0;width:100%;height:100%;border-radius:0}.open .launcher{display:none}}',
  ].join('');
  const wrapper = document.createElement('div');
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.setAttribute('data-testid', 'tanya-launcher');
  const svgNamespace = 'http://www.w3.org/2000/svg';
  const icon = document.createElementNS(svgNamespace, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('width', '26');
  icon.setAttribute('height', '26');
  icon.setAttribute('fill', 'none');
  icon.setAttribute('stroke', 'currentColor');
  icon.setAttribute('stroke-width', '2');
  icon.setAttribute('stroke-linecap', 'round');
  icon.setAttribute('stroke-linejoin', 'round');
  icon.setAttribute('aria-hidden', 'true');
  const iconPath = document.createElementNS(svgNamespace, 'path');
  icon.appendChild(iconPath);
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.setAttribute('aria-hidden', 'true');
  badge.setAttribute('data-testid', 'tanya-unread-badge');
  launcher.appendChild(icon);
  launcher.appendChild(badge);
  wrapper.appendChild(launcher);
  root.appendChild(style);
  root.appendChild(wrapper);

  function render(): void {
    iconPath.setAttribute('d', isOpen ? config.icons.collapse : config.icons.chat);
    const action = isOpen ? labels.close : labels.open;
    const count = unread === 1 ? labels.unreadOne : labels.unreadMany.replace('{count}', String(unread));
    launcher.setAttribute('aria-label', unread > 0 ? `${action} (${count})` : action);
    launcher.setAttribute('aria-expanded', String(isOpen));
    badge.textContent = unread > 99 ? '99+' : String(unread);
    badge.hidden = unread === 0;
    wrapper.className = isOpen ? 'open' : '';
    if (frame) frame.hidden = !isOpen;
  }

  function post(message: Record<string, unknown>): void {
    if (frame && frameReady && frame.contentWindow) {
      frame.contentWindow.postMessage(Object.assign({ channel: config.channel, version: config.version }, message), tanyaOrigin);
    }
  }

  /** What the chat must know whenever it (re)starts listening: whether it is shown, and the profile the page set. */
  function sync(): void {
    post({ type: isOpen ? 'open' : 'close' });
    if (visitor) post(Object.assign({ type: 'visitor' }, visitor));
  }

  function remember(active: boolean): void {
    try {
      if (active) localStorage.setItem(config.returningKey, '1');
      else localStorage.removeItem(config.returningKey);
    } catch {
      // Storage blocked by the browser: the badge then waits for the launcher.
    }
  }

  function hasConversation(): boolean {
    try {
      return localStorage.getItem(config.returningKey) === '1';
    } catch {
      return false;
    }
  }

  function ensureFrame(): void {
    if (frame) return;
    const url = new URL(config.chatPath, tanyaOrigin);
    url.searchParams.set(config.query.host, location.origin);
    url.searchParams.set(config.query.page, location.href.slice(0, 2000));
    if (chosenLang) url.searchParams.set(config.query.lang, chosenLang);
    url.searchParams.set(config.query.color, color);
    frame = document.createElement('iframe');
    frame.className = 'frame';
    frame.title = labels.title;
    frame.src = url.href;
    frame.setAttribute('data-testid', 'tanya-frame');
    root.appendChild(frame);
  }

  function setUnread(count: number): void {
    if (count === unread) return;
    unread = count;
    render();
    for (const listener of listeners.slice()) {
      try {
        listener(count);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  function open(): void {
    ensureFrame();
    isOpen = true;
    render();
    post({ type: 'open' });
    if (frame) frame.focus();
  }

  function close(): void {
    const focusWasInside = document.activeElement === container;
    isOpen = false;
    render();
    post({ type: 'close' });
    if (focusWasInside) launcher.focus();
  }

  window.addEventListener('message', (event: MessageEvent) => {
    // Only Tanya's own frame speaks for the chat: not the page, not another frame, not another origin.
    if (!frame || event.origin !== tanyaOrigin || event.source !== frame.contentWindow) return;
    const message = event.data as Record<string, unknown> | null;
    if (!message || message.channel !== config.channel || message.version !== config.version) return;
    if (message.type === 'ready') {
      frameReady = true;
      sync();
    } else if (message.type === 'close') {
      close();
    } else if (message.type === 'unread' && typeof message.count === 'number' && message.count >= 0 && message.count < 1e6) {
      setUnread(Math.floor(message.count));
    } else if (message.type === 'conversation') {
      remember(message.active === true);
    }
  });

  launcher.addEventListener('click', () => (isOpen ? close() : open()));

  function mount(): void {
    document.body.appendChild(container);
    render();
    if (options.open === 'true') open();
    else if (hasConversation()) ensureFrame();
  }

  page.Tanya = {
    version: config.version,
    open,
    close,
    on(event, listener) {
      if (event === 'unread' && typeof listener === 'function') listeners.push(listener);
      return () => page.Tanya?.off(event, listener);
    },
    off(event, listener) {
      const index = event === 'unread' ? listeners.indexOf(listener) : -1;
      if (index >= 0) listeners.splice(index, 1);
    },
    setVisitor(profile) {
      if (!profile || typeof profile !== 'object') return;
      visitor = {
        name: typeof profile.name === 'string' ? profile.name : undefined,
        email: typeof profile.email === 'string' ? profile.email : undefined,
      };
      // Kept until the chat is opened: setting a profile loads nothing.
      post(Object.assign({ type: 'visitor' }, visitor));
    },
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
  window.dispatchEvent(new Event('tanya:ready'));
}
