import type { TProviderView } from '@/lib/email-provider/types'
import { formatDateTime } from '@/components/ui/format'

/** Which provider sends the organization's emails right now. */
export function ProviderStatus({ provider }: { provider: TProviderView | null }) {
  return (
    <div role="status" aria-label="Provider in use" className="flex items-start gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-xs">
      <span className={`mt-1.5 size-2 shrink-0 rounded-full ${provider ? 'bg-emerald-500' : 'bg-slate-400'}`} aria-hidden />
      {provider ? (
        <p className="text-sm text-slate-700">
          <span className="font-semibold text-slate-900">Custom provider in use:</span>{' '}
          <code className="rounded bg-slate-100 px-1 py-0.5 text-[13px]">
            {provider.host}:{provider.port}
          </code>
          <span className="text-slate-500">
            {' '}
            · last updated {formatDateTime(provider.updatedAt)}
            {provider.updatedByEmail ? ` by ${provider.updatedByEmail}` : ''}
          </span>
        </p>
      ) : (
        <p className="text-sm text-slate-700">
          <span className="font-semibold text-slate-900">Default provider in use.</span> Emails are sent by the platform’s own mail service until you configure
          your server below.
        </p>
      )}
    </div>
  )
}
