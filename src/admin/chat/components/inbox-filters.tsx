'use client';

import type { AssigneeFilter, StatusFilter } from '../types';
import { cx } from '@/ui/cx';

const statuses: { value: StatusFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
];

const assignees: { value: AssigneeFilter; label: string }[] = [
  { value: 'mine', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
  { value: 'all', label: 'Everyone’s' },
];

/** One choice of a few, as pressed/unpressed buttons side by side. */
function SegmentedButtons<V extends string>({
  label,
  options,
  value,
  onChange,
  testIdPrefix,
}: {
  label: string;
  options: { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
  testIdPrefix: string;
}) {
  return (
    <div role="group" aria-label={label} className="flex gap-1 rounded-lg bg-slate-100 p-0.5">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={value === option.value}
          onClick={() => onChange(option.value)}
          className={cx(
            'flex-1 rounded-md px-2 py-1 text-xs font-semibold transition focus-visible:outline-2 focus-visible:outline-indigo-600',
            value === option.value ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900',
          )}
          data-testid={`${testIdPrefix}-${option.value}`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

type InboxFiltersProps = {
  status: StatusFilter;
  onStatusChange: (status: StatusFilter) => void;
  assigned: AssigneeFilter;
  onAssignedChange: (assigned: AssigneeFilter) => void;
  query: string;
  onQueryChange: (query: string) => void;
};

/** The search box, the status tabs and the assignee tabs over the conversation list. */
export function InboxFilters({ status, onStatusChange, assigned, onAssignedChange, query, onQueryChange }: InboxFiltersProps) {
  return (
    <div className="space-y-2 border-b border-slate-200 p-3">
      <label htmlFor="inbox-search" className="sr-only">
        Search conversations by name, email or message
      </label>
      <input
        id="inbox-search"
        type="search"
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        placeholder="Search name, email or message"
        autoComplete="off"
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30"
        data-testid="inbox-search"
      />
      <SegmentedButtons label="Show conversations" options={statuses} value={status} onChange={onStatusChange} testIdPrefix="status-filter" />
      <SegmentedButtons label="Assigned to" options={assignees} value={assigned} onChange={onAssignedChange} testIdPrefix="assigned-filter" />
    </div>
  );
}
