import type { ReactNode } from 'react';
import type { ConversationDetails } from '../types';
import { fullDateTime, pageLinkOf, visitorLabel } from '../format';
import { ConversationDevices } from './conversation-devices';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-words text-sm text-slate-800" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** Only web links are shown as links: a stored page URL is visitor input. */
function PageLink({ url }: { url: string }) {
  const link = pageLinkOf(url);
  if (!link) return <>{url}</>;
  return (
    <a href={link.href} target="_blank" rel="noopener noreferrer" className="text-indigo-700 underline decoration-indigo-200 underline-offset-2 hover:decoration-indigo-700">
      {link.label}
    </a>
  );
}

/** Who the owner is talking to: what the visitor told us and what their browser did. */
export function VisitorInfo({ details }: { details: ConversationDetails }) {
  const { visitor } = details;
  return (
    <section aria-labelledby="visitor-info-title" className="space-y-3" data-testid="visitor-info">
      <h2 id="visitor-info-title" className="text-sm font-semibold text-slate-900">
        Visitor
      </h2>
      <dl className="space-y-3">
        <Row label="Name" testId="visitor-name">
          {details.visitorName ?? <span className="text-slate-500">Not given</span>}
        </Row>
        <Row label="Email" testId="visitor-email">
          {details.visitorEmail ? (
            <a href={`mailto:${details.visitorEmail}`} className="text-indigo-700 underline decoration-indigo-200 underline-offset-2">
              {details.visitorEmail}
            </a>
          ) : (
            <span className="text-slate-500">Not given</span>
          )}
        </Row>
        {visitor ? (
          <>
            <Row label="First seen" testId="visitor-first-seen">
              <time dateTime={visitor.firstSeenAt}>{fullDateTime(visitor.firstSeenAt)}</time>
            </Row>
            <Row label="Last seen" testId="visitor-last-seen">
              <time dateTime={visitor.lastSeenAt}>{fullDateTime(visitor.lastSeenAt)}</time>
            </Row>
            <Row label="Current page" testId="visitor-page">
              {visitor.pageUrl ? <PageLink url={visitor.pageUrl} /> : <span className="text-slate-500">Unknown</span>}
            </Row>
            <Row label="Browser" testId="visitor-browser">
              <span title={visitor.userAgent ?? undefined}>{visitor.browser}</span>
            </Row>
          </>
        ) : (
          <p className="text-xs text-slate-500">The visitor&apos;s session has expired, so there is nothing more to show about {visitorLabel(details)}.</p>
        )}
        {details.rating !== null ? (
          <Row label="Rating" testId="conversation-rating">
            <span aria-label={`${details.rating} out of 5`}>
              <span aria-hidden="true" className="text-amber-500">
                {'★'.repeat(details.rating)}
                <span className="text-slate-300">{'★'.repeat(5 - details.rating)}</span>
              </span>{' '}
              {details.rating}/5
            </span>
            {details.ratingComment ? <q className="mt-1 block whitespace-pre-wrap text-slate-700">{details.ratingComment}</q> : null}
          </Row>
        ) : null}
        <Row label="Started" testId="conversation-started">
          <time dateTime={details.createdAt}>{fullDateTime(details.createdAt)}</time>
        </Row>
      </dl>
      <ConversationDevices key={details.id} conversationId={details.id} />
    </section>
  );
}
