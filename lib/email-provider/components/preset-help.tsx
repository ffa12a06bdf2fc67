import type { TProviderPreset } from '@/lib/email-provider/presets'

/** What to create at the provider before these settings work, with a link to its documentation. */
export function PresetHelp({ preset, isApi = false }: { preset: TProviderPreset; isApi?: boolean }) {
  if (preset.id === 'custom') return null
  const setup = isApi && preset.api ? preset.api.setup : preset.setup
  const docsUrl = isApi && preset.api ? preset.api.docsUrl : preset.docsUrl
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700 sm:col-span-6">
      <p className="font-medium text-slate-900">Set up at {preset.label}</p>
      <ol className="mt-1.5 list-decimal space-y-1 pl-5">
        {setup.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      {preset.hostHint && <p className="mt-1.5 text-slate-600">{preset.hostHint}</p>}
      <a href={docsUrl} target="_blank" rel="noreferrer" className="mt-2 inline-block rounded font-medium text-brand-700 underline-offset-2 hover:underline">
        {preset.label} documentation<span className="sr-only"> (opens in a new tab)</span>
      </a>
    </div>
  )
}
