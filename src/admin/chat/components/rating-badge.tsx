/** The visitor's rating of the conversation's latest resolution, compact for the inbox list. */
export function RatingBadge({ rating }: { rating: number }) {
  return (
    <span
      className="inline-flex items-center gap-0.5 rounded-full bg-amber-50 px-1.5 text-[11px] font-semibold leading-5 text-amber-800 ring-1 ring-amber-200"
      aria-label={`Rated ${rating} out of 5`}
      data-testid="rating-badge"
    >
      <span aria-hidden="true">★</span>
      {rating}
    </span>
  );
}
