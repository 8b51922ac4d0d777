/*
 * A short, human description of a visitor's browser for the admin inbox
 * ("Chrome 131 on Windows"). Only the families people actually use are
 * named; anything else falls back to "Unknown browser", never to a guess.
 * Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
 */

const browsers: { name: string; pattern: RegExp }[] = [
  { name: 'Edge', pattern: /Edg(?:e|A|iOS)?\/(\d+)/ },
  { name: 'Opera', pattern: /(?:OPR|Opera)\/(\d+)/ },
  { name: 'Samsung Internet', pattern: /SamsungBrowser\/(\d+)/ },
  { name: 'Firefox', pattern: /(?:Firefox|FxiOS)\/(\d+)/ },
  { name: 'Chrome', pattern: /(?:Chrome|CriOS)\/(\d+)/ },
  { name: 'Safari', pattern: /Version\/(\d+)(?:\.\d+)*.*Safari\// },
];

const systems: { name: string; pattern: RegExp }[] = [
  { name: 'iOS', pattern: /iPhone|iPad|iPod/ },
  { name: 'Android', pattern: /Android/ },
  { name: 'Windows', pattern: /Windows/ },
  { name: 'macOS', pattern: /Mac OS X|Macintosh/ },
  { name: 'ChromeOS', pattern: /CrOS/ },
  { name: 'Linux', pattern: /Linux/ },
];

export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown browser';
  const browser = browsers.map(({ name, pattern }) => ({ name, match: pattern.exec(userAgent) })).find(({ match }) => match);
  const system = systems.find(({ pattern }) => pattern.test(userAgent));
  const browserText = browser ? `${browser.name} ${browser.match![1]}` : /HeadlessChrome/.test(userAgent) ? 'Headless Chrome' : 'Unknown browser';
  return system ? `${browserText} on ${system.name}` : browserText;
}
