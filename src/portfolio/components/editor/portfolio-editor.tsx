'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { PortfolioDocument } from '@/portfolio/schema';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { ExternalLinkIcon } from '@/ui/icons';
import { AboutEditor } from './about-editor';
import { removeSampleContent, savePortfolio, type FieldErrors } from './api';
import { CareerEditor } from './career-editor';
import { clearErrors, describePath, fieldId, fingerprint, remapErrors, toDocumentInput, toDraft, validateDraft, type Draft } from './draft';
import { EditorErrorsProvider } from './errors-context';
import { ProjectsEditor } from './projects-editor';
import { QaEditor } from './qa-editor';
import { TechStackEditor } from './tech-stack-editor';
import { useLeaveGuard } from './use-leave-guard';

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid' }
  | { kind: 'error'; message: string; signedOut: boolean }
  | { kind: 'removing-sample' };

type PortfolioEditorProps = { initialDocument: PortfolioDocument; initialHasSample: boolean };

/**
 * Edits the whole portfolio in the browser and saves it in one PUT. The
 * server validates and answers with the stored document, which becomes the
 * new baseline; its field errors are shown beside their inputs.
 */
export function PortfolioEditor({ initialDocument, initialHasSample }: PortfolioEditorProps) {
  const [saved, setSaved] = useState(() => {
    const draft = toDraft(initialDocument);
    return { draft, print: fingerprint(draft) };
  });
  const [draft, setDraft] = useState<Draft>(saved.draft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [hasSample, setHasSample] = useState(initialHasSample);
  const summaryRef = useRef<HTMLDivElement>(null);
  const draftRef = useRef(draft);
  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);

  const dirty = useMemo(() => fingerprint(draft) !== saved.print, [draft, saved.print]);
  const busy = status.kind === 'saving' || status.kind === 'removing-sample';
  useLeaveGuard(dirty);

  useEffect(() => {
    if (status.kind !== 'saved') return;
    const timer = window.setTimeout(() => setStatus({ kind: 'idle' }), 4000);
    return () => window.clearTimeout(timer);
  }, [status.kind]);

  const errorContext = useMemo(
    () => ({
      errors,
      clear: (path: string) => setErrors((current) => clearErrors(current, path)),
      reindex: (path: string, moves: Map<number, number | null>) => setErrors((current) => remapErrors(current, path, moves)),
    }),
    [errors],
  );

  const update = useCallback(<K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setStatus((current) => (current.kind === 'saved' ? { kind: 'idle' } : current));
  }, []);

  const showSummary = () => {
    requestAnimationFrame(() => {
      summaryRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      summaryRef.current?.focus({ preventScroll: true });
    });
  };

  /** Takes the server's document as the new baseline, unless the owner kept typing while it was on its way. */
  const adopt = (document: PortfolioDocument, sentPrint: string) => {
    const next = toDraft(document);
    const print = fingerprint(next);
    setSaved({ draft: next, print });
    if (fingerprint(draftRef.current) === sentPrint) setDraft(next);
  };

  const save = async () => {
    if (busy) return;
    const clientErrors = validateDraft(draft);
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors);
      setStatus({ kind: 'invalid' });
      showSummary();
      return;
    }
    const sentPrint = fingerprint(draft);
    setStatus({ kind: 'saving' });
    const result = await savePortfolio(toDocumentInput(draft));
    if (result.success) {
      adopt(result.data, sentPrint);
      setErrors({});
      setHasSample(false);
      setStatus({ kind: 'saved' });
      return;
    }
    if (result.fields && Object.keys(result.fields).length > 0) {
      setErrors(result.fields);
      setStatus({ kind: 'invalid' });
    } else {
      setStatus({ kind: 'error', message: result.error, signedOut: result.code.startsWith('unauthorized') });
    }
    showSummary();
  };

  const discard = () => {
    if (!window.confirm('Discard all unsaved changes?')) return;
    setDraft(saved.draft);
    setErrors({});
    setStatus({ kind: 'idle' });
  };

  const removeSample = async () => {
    const warning = dirty ? ' Your unsaved changes will be discarded too.' : '';
    if (!window.confirm(`Remove all sample content from the site? Anything you saved yourself stays.${warning}`)) return;
    setStatus({ kind: 'removing-sample' });
    const result = await removeSampleContent();
    if (result.success) {
      const next = toDraft(result.data);
      setSaved({ draft: next, print: fingerprint(next) });
      setDraft(next);
      setErrors({});
      setHasSample(false);
      setStatus({ kind: 'idle' });
    } else {
      setStatus({ kind: 'error', message: result.error, signedOut: result.code.startsWith('unauthorized') });
      showSummary();
    }
  };

  const errorEntries = Object.entries(errors);
  /** Each section once, for the jump links and for the cards below them. */
  const sections = [
    { id: 'edit-about', label: 'About', count: null, description: 'Your introduction, values, interests and how to reach you.' },
    { id: 'edit-tech-stack', label: 'Tech stack', count: draft.techStack.length, description: 'Technologies shown as tiles, grouped by category.' },
    { id: 'edit-career', label: 'Career', count: draft.career.length, description: 'Your timeline, most recent first.' },
    { id: 'edit-projects', label: 'Projects', count: draft.projects.length, description: 'Things you built, with links.' },
    {
      id: 'edit-qa',
      label: 'Q&A',
      count: draft.qa.length,
      description: 'Questions visitors ask and your answers. Published ones show as “People ask” on your home page, are offered in the chat, and are what the assistant answers from.',
    },
  ] as const;
  const editors: Record<(typeof sections)[number]['id'], ReactNode> = {
    'edit-about': <AboutEditor about={draft.about} onChange={(about) => update('about', about)} />,
    'edit-tech-stack': <TechStackEditor items={draft.techStack} onChange={(techStack) => update('techStack', techStack)} />,
    'edit-career': <CareerEditor entries={draft.career} onChange={(career) => update('career', career)} />,
    'edit-projects': <ProjectsEditor projects={draft.projects} onChange={(projects) => update('projects', projects)} />,
    'edit-qa': <QaEditor entries={draft.qa} onChange={(qa) => update('qa', qa)} />,
  };

  return (
    <EditorErrorsProvider value={errorContext}>
      <form
        noValidate
        aria-labelledby="portfolio-editor-title"
        className="space-y-6 pb-32"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 id="portfolio-editor-title" className="text-2xl font-bold tracking-tight text-slate-900">
              Portfolio
            </h1>
            <p className="mt-1 max-w-2xl text-sm text-slate-600">
              Everything on your public home page. Edit freely — nothing changes on the site until you save.
            </p>
          </div>
          <a
            href="/"
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex items-center gap-1.5 text-sm font-medium text-indigo-700 hover:text-indigo-900"
          >
            View site <ExternalLinkIcon />
          </a>
        </div>

        {hasSample ? (
          <div
            className="flex flex-col gap-3 rounded-xl border border-amber-200 bg-amber-50 p-4 sm:flex-row sm:items-center sm:justify-between"
            data-testid="sample-content-notice"
          >
            <div className="text-sm text-amber-900">
              <p className="font-semibold">Your site is showing sample content.</p>
              <p className="mt-0.5">Replace it with your own and save, or remove it all in one go and start from an empty page.</p>
            </div>
            <Button variant="secondary" size="sm" className="shrink-0" disabled={busy} onClick={() => void removeSample()} data-testid="remove-sample-content">
              {status.kind === 'removing-sample' ? 'Removing…' : 'Remove sample content'}
            </Button>
          </div>
        ) : null}

        <div ref={summaryRef} tabIndex={-1} className="scroll-mt-4 outline-none">
          {status.kind === 'error' ? (
            <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800" data-testid="save-error">
              <p className="font-semibold">Your changes were not saved.</p>
              <p className="mt-0.5">{status.message}</p>
              {status.signedOut ? (
                <p className="mt-2">
                  Sign in again in a{' '}
                  <a href="/admin/login" target="_blank" rel="noopener noreferrer" className="font-medium underline">
                    new tab
                  </a>
                  , then save here; your edits stay on this page.
                </p>
              ) : null}
            </div>
          ) : null}
          {errorEntries.length > 0 ? (
            <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800" data-testid="error-summary">
              <p className="font-semibold">
                {errorEntries.length === 1 ? 'One field needs' : `${errorEntries.length} fields need`} fixing before you can save.
              </p>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {errorEntries.map(([path, messages]) => (
                  <li key={path}>
                    <button
                      type="button"
                      className="text-left underline decoration-red-300 underline-offset-2 hover:decoration-red-700"
                      onClick={() => focusField(path)}
                    >
                      {describePath(path)}
                    </button>{' '}
                    {messages.join(', ')}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>

        <nav aria-label="Portfolio sections" className="flex flex-wrap gap-2">
          {sections.map((section) => (
            <a
              key={section.id}
              href={`#${section.id}`}
              className="inline-flex items-center gap-1.5 rounded-full border border-slate-200 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:border-indigo-300 hover:text-indigo-700"
            >
              {section.label}
              {section.count !== null ? <span className="rounded-full bg-slate-100 px-1.5 text-xs text-slate-600">{section.count}</span> : null}
            </a>
          ))}
        </nav>

        {sections.map((section) => (
          <EditorSection key={section.id} id={section.id} title={section.label} description={section.description}>
            {editors[section.id]}
          </EditorSection>
        ))}

        <SaveBar
          visible={dirty || status.kind !== 'idle'}
          dirty={dirty}
          status={status}
          errorCount={errorEntries.length}
          onDiscard={discard}
          onShowErrors={showSummary}
        />
      </form>
    </EditorErrorsProvider>
  );
}

function focusField(path: string) {
  const element = document.getElementById(fieldId(path));
  if (!element) return;
  element.scrollIntoView({ behavior: 'smooth', block: 'center' });
  element.focus({ preventScroll: true });
}

function EditorSection({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <Card className="scroll-mt-6 p-4 sm:p-6" id={id}>
      <section aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <p className="mb-5 mt-0.5 text-sm text-slate-500">{description}</p>
        {children}
      </section>
    </Card>
  );
}

function SaveBar({
  visible,
  dirty,
  status,
  errorCount,
  onDiscard,
  onShowErrors,
}: {
  visible: boolean;
  dirty: boolean;
  status: Status;
  errorCount: number;
  onDiscard: () => void;
  onShowErrors: () => void;
}) {
  const saving = status.kind === 'saving';
  let message: ReactNode = 'You have unsaved changes.';
  if (saving) message = 'Saving…';
  else if (status.kind === 'saved' && !dirty) message = 'Saved. Your site is up to date.';
  else if (status.kind === 'removing-sample') message = 'Removing sample content…';
  else if (errorCount > 0)
    message = (
      <>
        Not saved: {errorCount === 1 ? 'one field needs' : `${errorCount} fields need`} fixing.{' '}
        <button type="button" className="font-semibold underline underline-offset-2" onClick={onShowErrors}>
          Show
        </button>
      </>
    );
  else if (status.kind === 'error') message = 'Not saved. See the message at the top.';

  return (
    <>
      {/* Always in the document, so screen readers hear every change of status. */}
      <p role="status" className="sr-only">
        {visible ? message : null}
      </p>
      <div
      className={
        visible
          ? 'fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white/95 shadow-[0_-4px_16px_rgba(15,23,42,0.08)] backdrop-blur'
          : 'hidden'
      }
      data-testid="save-bar"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <p className="text-sm text-slate-700" data-testid="save-status">
          {message}
        </p>
        {dirty ? (
          <div className="flex items-center gap-2">
            <Button variant="ghost" onClick={onDiscard} disabled={saving} data-testid="discard-changes">
              Discard
            </Button>
            <Button type="submit" variant="primary" disabled={saving} data-testid="save-changes">
              {saving ? 'Saving…' : 'Save changes'}
            </Button>
          </div>
        ) : null}
      </div>
    </div>
    </>
  );
}
