/** The launcher's two icons (24×24 SVG paths), shared by the widget on Tanya's pages and the embed loader on other sites. */
export const LAUNCHER_ICONS = {
  chat: 'M21 11.5a8.4 8.4 0 0 1-.9 3.8 8.5 8.5 0 0 1-7.6 4.7 8.4 8.4 0 0 1-3.8-.9L3 21l1.9-5.7a8.4 8.4 0 0 1-.9-3.8 8.5 8.5 0 0 1 4.7-7.6 8.4 8.4 0 0 1 3.8-.9h.5a8.5 8.5 0 0 1 8 8v.5z',
  collapse: 'M6 9l6 6 6-6',
} as const;
