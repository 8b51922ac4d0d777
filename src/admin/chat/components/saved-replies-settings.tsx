'use client';

import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { MAX_MESSAGE_LENGTH } from '@/chat/ui';
import { SAVED_REPLY_LIMITS, type SavedReply } from '@/chat/saved-replies';
import type { FieldErrors } from '@/http/errors';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { Field, TextArea, TextInput } from '@/ui/field';
import { SAVED_REPLIES_EXPORT_URL, type SavedReplyDraft } from '../api';
import { useSavedReplies, type SavedReplies } from '../use-saved-replies';

type Editing = { id: number | null; draft: SavedReplyDraft };
type Notice = { kind: 'ok' | 'error'; text: string; details?: string[] };

const emptyDraft: SavedReplyDraft = { title: '', text: '', shortcut: '' };
const draftOf = (reply: SavedReply): SavedReplyDraft => ({ title: reply.title, text: reply.text, shortcut: reply.shortcut ?? '' });

/** "replies.2.shortcut" as the owner counts: "Reply 3, shortcut". */
function fieldLabel(path: string): string {
  const [list, index, field] = path.split('.');
  if (list === 'replies' && index !== undefined && /^\d+$/.test(index)) return `Reply ${Number(index) + 1}${field ? `, ${field}` : ''}`;
  return path === '_' ? 'The file' : path;
}

const detailsOf = (fields: FieldErrors) => Object.entries(fields).map(([path, messages]) => `${fieldLabel(path)}: ${messages.join(' ')}`);

/**
 * `/admin/chat/settings`: the owner's saved replies (written here, inserted
 * into the reply box by typing `/`), and their export and import as one JSON file.
 */
export function SavedRepliesSettings() {
  const saved = useSavedReplies();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const full = saved.replies.length >= SAVED_REPLY_LIMITS.count;

  return (
    <Card className="p-4 sm:p-6" data-testid="saved-replies">
      <h2 className="text-lg font-semibold text-slate-900">Saved replies</h2>
      <p className="mb-4 mt-0.5 text-sm text-slate-500">
        Answers you give often. In a conversation, type <code>/</code> and a shortcut or a few letters of the title, choose with the arrow keys and Enter: the text fills the reply box for you to edit
        before sending.
      </p>

      {saved.state === 'error' ? (
        <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {saved.error}
        </p>
      ) : null}

      {saved.state === 'ready' && saved.replies.length === 0 && !editing ? <p className="mb-4 text-sm text-slate-500">No saved replies yet.</p> : null}
      {saved.replies.length > 0 ? (
        <ul className="mb-4 divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="saved-reply-items">
          {saved.replies.map((reply) =>
            editing?.id === reply.id ? (
              <li key={reply.id} className="p-3">
                <SavedReplyForm editing={editing} saved={saved} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <SavedReplyItem key={reply.id} reply={reply} saved={saved} onEdit={() => setEditing({ id: reply.id, draft: draftOf(reply) })} />
            ),
          )}
        </ul>
      ) : null}

      {editing?.id === null ? (
        <div className="mb-4 rounded-md border border-slate-200 p-3">
          <SavedReplyForm editing={editing} saved={saved} onDone={() => setEditing(null)} />
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary" disabled={editing !== null || full || saved.state !== 'ready'} onClick={() => setEditing({ id: null, draft: emptyDraft })} data-testid="saved-reply-new">
          New saved reply
        </Button>
        <a
          href={SAVED_REPLIES_EXPORT_URL}
          download
          className="inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-semibold text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          data-testid="saved-replies-export"
        >
          Export
        </a>
        <ImportButton saved={saved} onNotice={setNotice} />
        {full ? <span className="text-xs text-slate-500">{SAVED_REPLY_LIMITS.count} replies is the most you can keep.</span> : null}
      </div>

      <div aria-live="polite" className="mt-3">
        {notice ? (
          <div role={notice.kind === 'error' ? 'alert' : 'status'} className={notice.kind === 'error' ? 'text-sm text-red-700' : 'text-sm text-emerald-700'} data-testid="saved-replies-notice">
            <p>{notice.text}</p>
            {notice.details?.length ? (
              <ul className="mt-1 list-disc pl-5 text-xs">
                {notice.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}

function SavedReplyItem({ reply, saved, onEdit }: { reply: SavedReply; saved: SavedReplies; onEdit: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    const failure = await saved.remove(reply.id);
    if (failure) setError(failure);
  };
  return (
    <li className="flex items-start gap-3 px-3 py-2.5" data-testid="saved-reply-item">
      <div className="min-w-0 flex-1">
        <p className="flex items-baseline gap-2 text-sm">
          {reply.shortcut ? <span className="shrink-0 font-mono text-xs font-semibold text-indigo-700">/{reply.shortcut}</span> : null}
          <span className="truncate font-medium text-slate-900">{reply.title}</span>
        </p>
        <p className="line-clamp-2 whitespace-pre-line text-xs text-slate-500">{reply.text}</p>
        {error ? (
          <p role="alert" className="text-xs text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      {confirming ? (
        <span className="flex shrink-0 items-center gap-1">
          <Button size="sm" variant="danger" onClick={() => void remove()} data-testid="saved-reply-confirm-delete">
            Delete “{reply.title}”
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </span>
      ) : (
        <span className="flex shrink-0 items-center gap-1">
          <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit “${reply.title}”`}>
            Edit
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Delete “${reply.title}”`}>
            Delete
          </Button>
        </span>
      )}
    </li>
  );
}

function SavedReplyForm({ editing, saved, onDone }: { editing: Editing; saved: SavedReplies; onDone: () => void }) {
  const id = useId();
  const [draft, setDraft] = useState(editing.draft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const shortcutHint = 'Lowercase letters, digits, - and _.';
  const textHint = `Markdown. A message holds at most ${MAX_MESSAGE_LENGTH} characters: shorten a longer reply in the box before sending it.`;

  const update = (key: keyof SavedReplyDraft, value: string) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const refused = await saved.save(editing.id, draft);
    setSaving(false);
    if (!refused) return onDone();
    setErrors(refused.fields);
    setFailure(refused.error);
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="space-y-3" data-testid="saved-reply-form">
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <Field id={`${id}-title`} label="Title" errors={errors.title}>
          <TextInput id={`${id}-title`} value={draft.title} maxLength={SAVED_REPLY_LIMITS.title} onChange={(event) => update('title', event.target.value)} errors={errors.title} data-testid="saved-reply-title" />
        </Field>
        <Field id={`${id}-shortcut`} label="Shortcut (optional)" errors={errors.shortcut} hint={shortcutHint}>
          <TextInput
            id={`${id}-shortcut`}
            value={draft.shortcut}
            maxLength={SAVED_REPLY_LIMITS.shortcut + 1}
            placeholder="/rates"
            autoCapitalize="none"
            spellCheck={false}
            onChange={(event) => update('shortcut', event.target.value)}
            errors={errors.shortcut}
            hint={shortcutHint}
            data-testid="saved-reply-shortcut"
          />
        </Field>
      </div>
      <Field id={`${id}-text`} label="Text" errors={errors.text} hint={textHint}>
        <TextArea
          id={`${id}-text`}
          rows={4}
          maxLength={SAVED_REPLY_LIMITS.text}
          value={draft.text}
          onChange={(event) => update('text', event.target.value)}
          errors={errors.text}
          hint={textHint}
          data-testid="saved-reply-text"
        />
      </Field>
      {failure ? (
        <p role="alert" className="text-sm text-red-700" data-testid="saved-reply-error">
          {failure}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={saving} data-testid="saved-reply-save">
          {saving ? 'Saving…' : editing.id === null ? 'Save reply' : 'Save changes'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Reads the chosen file and hands it to the server, which validates all of it before writing anything. */
function ImportButton({ saved, onNotice }: { saved: SavedReplies; onNotice: (notice: Notice) => void }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [importing, setImporting] = useState(false);

  const importChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return onNotice({ kind: 'error', text: `${file.name} is not a JSON file; choose a file the Export button wrote.` });
    }
    setImporting(true);
    const result = await saved.importFile(parsed);
    setImporting(false);
    if (!result.success) return onNotice({ kind: 'error', text: `Nothing was imported. ${result.error}`, details: detailsOf(result.fields) });
    const { created, updated, unchanged } = result.data;
    onNotice({ kind: 'ok', text: `Imported ${file.name}: ${created} added, ${updated} updated, ${unchanged} already there.` });
  };

  return (
    <>
      <input ref={fileInput} type="file" accept="application/json,.json" className="sr-only" tabIndex={-1} aria-hidden="true" onChange={(event) => void importChosen(event)} data-testid="saved-replies-import-file" />
      <Button disabled={importing} onClick={() => fileInput.current?.click()} data-testid="saved-replies-import">
        {importing ? 'Importing…' : 'Import…'}
      </Button>
    </>
  );
}
