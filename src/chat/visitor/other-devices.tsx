'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { DEVICE_LINK_MINUTES, type ConversationDevice, type DeviceLink } from '@/chat/devices';
import { formatTimeAgo } from '@/chat/ui/format';
import type { Locale, Messages } from '@/chat/ui/i18n';
import { ApiError } from '@/http/client/api-client';
import { cx } from '@/ui/cx';
import { createDeviceLink, fetchVisitorDevices, signOutVisitorDevice } from './devices-api';

/** While the panel is open the list follows the other device arriving (or being signed out elsewhere). */
const DEVICES_REFRESH_MS = 4_000;

const buttonClass =
  'rounded-md px-3 py-1.5 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-50';

const errorText = (error: unknown) => (error instanceof ApiError ? error.error : String(error));

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function LinkSection({ t, link, now, onRenew }: { t: Messages; link: DeviceLink; now: number; onRenew: () => void }) {
  const [copied, setCopied] = useState(false);
  // `now` ticks every few seconds, so it may predate the link a little: never more than the link's lifetime.
  const minutesLeft = Math.min(DEVICE_LINK_MINUTES, Math.ceil((Date.parse(link.expiresAt) - now) / 60_000));
  if (minutesLeft <= 0) {
    return (
      <div className="space-y-2 rounded-lg bg-slate-100 p-3 text-sm dark:bg-slate-900" data-testid="device-link-expired">
        <p>{t.linkExpired}</p>
        <button type="button" onClick={onRenew} className={cx(buttonClass, 'bg-indigo-600 text-white hover:bg-indigo-500')}>
          {t.newLink}
        </button>
      </div>
    );
  }
  const copy = () => {
    void navigator.clipboard?.writeText(link.url).then(() => setCopied(true), () => undefined);
  };
  return (
    <div className="space-y-2">
      {/* The SVG comes from our own server; as an image it cannot run anything (and next/image has nothing to optimise in a data URL). */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`}
        alt={t.qrCodeAlt}
        width={176}
        height={176}
        className="mx-auto rounded-lg bg-white p-1"
        data-testid="device-link-qr"
      />
      <label className="block text-xs font-medium text-slate-600 dark:text-slate-300">
        {t.deviceLinkLabel}
        <div className="mt-1 flex gap-2">
          <input
            readOnly
            value={link.url}
            onFocus={(event) => event.currentTarget.select()}
            data-testid="device-link-url"
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-xs text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
          />
          <button type="button" onClick={copy} className={cx(buttonClass, 'border border-slate-300 dark:border-slate-700')}>
            {copied ? t.linkCopied : t.copyLink}
          </button>
        </div>
      </label>
      <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="device-link-expiry">
        {t.linkExpiresIn(minutesLeft)}
      </p>
    </div>
  );
}

function DeviceList({
  t,
  locale,
  devices,
  now,
  onSignOut,
}: {
  t: Messages;
  locale: Locale;
  devices: ConversationDevice[];
  now: number;
  onSignOut: (device: ConversationDevice) => void;
}) {
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="device-list">
      {devices.map((device) => (
        <li key={device.id} className="flex items-center gap-2 py-2" data-testid="device" data-current={device.current}>
          <div className="min-w-0 flex-1">
            <div className="truncate text-sm font-medium">{device.current ? `${t.thisBrowser} · ${device.browser}` : device.browser}</div>
            <div className="text-xs text-slate-500 dark:text-slate-400">{t.lastSeen(formatTimeAgo(device.lastSeenAt, locale, now))}</div>
          </div>
          {device.current ? null : (
            <button
              type="button"
              onClick={() => onSignOut(device)}
              className={cx(buttonClass, 'text-rose-700 hover:bg-rose-50 dark:text-rose-300 dark:hover:bg-rose-500/10')}
              data-testid="sign-out-device"
            >
              {t.signOutDevice}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * "Continue on another device": a fresh single-use link with its QR code,
 * and the browsers this conversation is open in, each but this one with a
 * way to sign it out. Laid over the chat; Escape or Done closes it.
 */
export function OtherDevicesPanel({
  t,
  locale,
  sessionToken,
  conversationId,
  onClose,
}: {
  t: Messages;
  locale: Locale;
  sessionToken: string;
  conversationId: string;
  onClose: () => void;
}) {
  const [link, setLink] = useState<DeviceLink | null>(null);
  const [devices, setDevices] = useState<ConversationDevice[]>([]);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(10_000);
  const heading = useRef<HTMLHeadingElement>(null);

  const makeLink = useCallback(() => {
    createDeviceLink(sessionToken, conversationId).then(
      (made) => {
        setLink(made);
        setError(null);
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  }, [sessionToken, conversationId]);

  const refreshDevices = useCallback(
    () => fetchVisitorDevices(sessionToken, conversationId).then(({ devices: list }) => setDevices(list), () => undefined),
    [sessionToken, conversationId],
  );

  useEffect(() => {
    heading.current?.focus();
    makeLink();
    void refreshDevices();
    const timer = setInterval(() => void refreshDevices(), DEVICES_REFRESH_MS);
    return () => clearInterval(timer);
  }, [makeLink, refreshDevices]);

  const signOut = (device: ConversationDevice) => {
    signOutVisitorDevice(sessionToken, conversationId, device.id).then(
      () => setDevices((list) => list.filter((entry) => entry.id !== device.id)),
      (failure: unknown) => setError(errorText(failure)),
    );
  };

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="other-devices-title"
      data-testid="other-devices"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
      className="absolute inset-0 z-30 flex flex-col overflow-y-auto bg-white p-4 dark:bg-slate-950"
    >
      <h2 id="other-devices-title" ref={heading} tabIndex={-1} className="text-base font-semibold focus:outline-none">
        {t.continueOnDevice}
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{t.continueOnDeviceIntro}</p>
      <div className="mt-3">{link ? <LinkSection t={t} link={link} now={now} onRenew={makeLink} /> : null}</div>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
      <h3 className="mt-4 text-sm font-semibold">{t.devicesTitle}</h3>
      <DeviceList t={t} locale={locale} devices={devices} now={now} onSignOut={signOut} />
      <div className="mt-auto flex justify-end pt-3">
        <button type="button" onClick={onClose} className={cx(buttonClass, 'bg-indigo-600 text-white hover:bg-indigo-500')} data-testid="other-devices-done">
          {t.done}
        </button>
      </div>
    </div>
  );
}
