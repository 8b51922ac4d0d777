'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { requestJson } from '@/http/client/api-client';
import type { ModelUsage } from '@/insights/types';
import { Button } from '@/ui/button';
import { formatCost, formatCount, modelLabel } from '../format';

/** Each model's price per million tokens, editable in place; saving redraws the page with the new costs. */
export function ModelPrices({ models }: { models: ModelUsage[] }) {
  if (models.length === 0) return <p className="text-sm text-slate-500">No hosted model has used tokens in this period.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Tokens, price per million tokens and estimated cost per model</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">Model</th>
            <th scope="col" className="px-3 py-2 font-semibold">Tokens</th>
            <th scope="col" className="px-3 py-2 font-semibold">Price per 1M tokens (USD)</th>
            <th scope="col" className="px-3 py-2 font-semibold">Estimated cost</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {models.map((model) => (
            <tr key={model.model}>
              <th scope="row" className="px-3 py-1.5 font-medium text-slate-900">{modelLabel(model.model)}</th>
              <td className="px-3 py-1.5 tabular-nums">{formatCount(model.tokens)}</td>
              <td className="px-3 py-1.5">
                <PriceForm model={model} />
              </td>
              <td className="px-3 py-1.5 tabular-nums" data-testid="model-cost">{formatCost(model.cost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PriceForm({ model }: { model: ModelUsage }) {
  const router = useRouter();
  const [price, setPrice] = useState(model.pricePerMillion === null ? '' : String(model.pricePerMillion));
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; text: string }>({ kind: 'idle' });

  async function save(event: FormEvent) {
    event.preventDefault();
    setState({ kind: 'saving' });
    const result = await requestJson('PUT', '/api/admin/insights/prices', { model: model.model, pricePerMillion: price.trim() === '' ? Number.NaN : Number(price) });
    if (!result.success) {
      setState({ kind: 'error', text: Object.values(result.fields ?? {}).flat()[0] ?? result.error });
      return;
    }
    setState({ kind: 'saved' });
    router.refresh();
  }

  return (
    <form onSubmit={save} className="flex flex-wrap items-center gap-2">
      <input
        type="number"
        min={0}
        step="any"
        inputMode="decimal"
        value={price}
        onChange={(event) => setPrice(event.target.value)}
        aria-label={`Price per million tokens for ${modelLabel(model.model)}`}
        className="w-28 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums"
        placeholder="0"
      />
      <Button size="sm" type="submit" disabled={state.kind === 'saving'}>
        Save
      </Button>
      {state.kind === 'saved' ? <span role="status" className="text-xs text-emerald-700">Saved</span> : null}
      {state.kind === 'error' ? <span role="alert" className="text-xs text-red-700">{state.text}</span> : null}
    </form>
  );
}
