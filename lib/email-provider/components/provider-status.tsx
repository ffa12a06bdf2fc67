import type { TProviderView } from '@/lib/email-provider/types'
import { formatDateTime } from '@/components/ui/format'
import { isSecretExpiring } from '@/lib/email-provider/form-values'
import { AUTH_KIND_LABELS, SENDING_METHOD_LABELS } from '@/lib/email-provider/labels'
import { presetById } from '@/lib/email-provider/presets'
import { DeliveryHealth } from '@/lib/delivery/components/delivery-health'
import type { TDeliveryHealthView } from '@/lib/delivery/types'

/** Which provider sends the organization's emails right now, how it is doing, and whether its client secret is about to expire. */
type TProviderStatusProps = {
  provider: TProviderView | null
  health?: TDeliveryHealthView | null
  /** No platform mail service is configured: emails without a custom provider are captured, not delivered. */
  isCapture?: boolean
  /** Where the line stands: on the Email Provider page the form is below it; elsewhere it links there. */
  place?: 'settings' | 'home'
  /** What to do next (Home: the way to the Email Provider page), under the status. */
  action?: React.ReactNode
}

export function ProviderStatus({ provider, health = null, isCapture = false, place = 'settings', action }: TProviderStatusProps) {
  const isExpiring = provider?.authKind === 'oauth_client_credentials' && isSecretExpiring(provider.clientSecretExpiresAt)
  return (
    <div role="status" aria-label="Provider in use" className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-xs">
      <div className="flex items-start gap-3">
        <span className={`mt-1.5 size-2 shrink-0 rounded-full ${provider ? 'bg-emerald-500' : isCapture ? 'bg-amber-500' : 'bg-slate-400'}`} aria-hidden />
        {provider ? (
          <p className="text-sm text-slate-700">
            <span className="font-semibold text-slate-900">Custom provider in use:</span> {presetById(provider.preset)?.label ?? 'Custom SMTP'} ·{' '}
            {provider.sendingMethod === 'api' ? (
              SENDING_METHOD_LABELS.api
            ) : (
              <>
                <code className="rounded bg-slate-100 px-1 py-0.5 text-[13px]">
                  {provider.host}:{provider.port}
                </code>{' '}
                · {AUTH_KIND_LABELS[provider.authKind]}
              </>
            )}
            <span className="text-slate-600">
              {' '}
              · last updated {formatDateTime(provider.updatedAt)}
              {provider.updatedByEmail ? ` by ${provider.updatedByEmail}` : ''}
            </span>
          </p>
        ) : (
          <p className="text-sm text-slate-700">
            {isCapture ? (
              <>
                <span className="font-semibold text-slate-900">No email is delivered yet.</span> This platform has no mail service configured, so your users’
                emails are captured (kept in Recent deliveries, not sent) until the platform’s operator sets one up or you connect your own server
                {place === 'settings' ? ' below' : ' under Email Provider'}.
              </>
            ) : (
              <>
                <span className="font-semibold text-slate-900">Default provider in use.</span> Emails are sent by the platform’s own mail service
                {place === 'settings' ? ' until you configure your server below.' : '. Connect your own server under Email Provider to send from your domain.'}
              </>
            )}
          </p>
        )}
      </div>
      {provider && (
        <div className="pl-5">
          <DeliveryHealth health={health} />
        </div>
      )}
      {isExpiring && provider?.clientSecretExpiresAt && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span className="font-semibold">The client secret expires on {provider.clientSecretExpiresAt.toISOString().slice(0, 10)}.</span> Create a new secret
          in Microsoft Entra ID and enter it on the Email Provider page before then, or emails stop.
        </p>
      )}
      {action && <div className="pl-5">{action}</div>}
    </div>
  )
}
