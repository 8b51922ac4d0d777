import { cx } from '@/ui/cx';

/**
 * Up to three letters standing in for a technology's logo (icon names are
 * free text, so there is no icon set to look them up in):
 * "Tailwind CSS" → "TC", "TypeScript" → "TS", "AWS" → "AWS", "Vue" → "Vue", "Redis" → "Re".
 */
export function monogramFor(title: string): string {
  const words = title.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  if (!first) return '?';
  if (words.length > 1) {
    return words
      .slice(0, 2)
      .map((word) => Array.from(word)[0] ?? '')
      .join('')
      .toUpperCase();
  }
  const letters = first.replace(/[^\p{L}\p{N}+#]/gu, '') || first;
  if (Array.from(letters).length <= 3) return letters;
  const capitals = letters.match(/\p{Lu}/gu) ?? [];
  if (capitals.length === 2 && letters[0] === capitals[0]) return capitals.join('');
  const [head = '', next = ''] = Array.from(letters);
  return head.toUpperCase() + next.toLowerCase();
}

type MonogramProps = { title: string; iconColor: string; bgColor: string; size?: 'md' | 'lg'; className?: string };

/** The coloured badge of a tech stack tile; colours come from the owner's data, hence inline styles. */
export function Monogram({ title, iconColor, bgColor, size = 'md', className }: MonogramProps) {
  const text = monogramFor(title);
  return (
    <span
      aria-hidden="true"
      className={cx(
        'inline-flex shrink-0 select-none items-center justify-center rounded-lg font-bold tracking-tight ring-1 ring-inset ring-black/5',
        size === 'lg' ? 'size-12 text-base' : 'size-10 text-sm',
        text.length > 2 && 'text-xs',
        className,
      )}
      style={{ color: iconColor || undefined, backgroundColor: bgColor || undefined }}
    >
      {text}
    </span>
  );
}
