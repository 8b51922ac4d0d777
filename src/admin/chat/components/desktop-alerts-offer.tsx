'use client';

type DesktopAlertsOfferProps = {
  permission: NotificationPermission | 'unsupported';
  onRequestPermission: () => void;
};

/** Offers system notifications (shown while the tab is hidden) until the owner decides; says so if they are blocked. */
export function DesktopAlertsOffer({ permission, onRequestPermission }: DesktopAlertsOfferProps) {
  if (permission === 'default') {
    return (
      <button type="button" onClick={onRequestPermission} className="text-left text-xs font-semibold text-indigo-700 hover:underline" data-testid="enable-desktop-notifications">
        Turn on desktop alerts for when this tab is in the background
      </button>
    );
  }
  if (permission === 'denied') {
    return <p className="text-xs text-slate-500">Desktop alerts are blocked; allow notifications for this site in your browser to get them.</p>;
  }
  return null;
}
