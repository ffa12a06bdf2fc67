import { RevertDialog } from './revert-dialog'
import { Button } from '@/components/ui/button'

type TDangerZoneProps = { slug: string; version: number; customHost: string | null }

/** Set apart from the form: reverting deletes the custom settings. */
export function DangerZone({ slug, version, customHost }: TDangerZoneProps) {
  return (
    <section aria-labelledby="danger-zone" className="rounded-xl border border-red-200 bg-white shadow-xs">
      <h2 id="danger-zone" className="border-b border-red-200 px-6 py-4 text-base font-semibold text-red-800">
        Danger Zone
      </h2>
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-5">
        <div className="max-w-prose">
          <p className="text-sm font-medium text-slate-900">Revert to the default provider</p>
          <p id="revert-reason" className="mt-0.5 text-sm text-slate-600">
            {customHost
              ? 'Deletes your custom settings, including the saved password. Emails are then sent by the platform’s default provider.'
              : 'Nothing to revert: no custom provider is set, so the default provider is already in use.'}
          </p>
        </div>
        {customHost ? (
          <RevertDialog slug={slug} version={version} hostLabel={customHost} />
        ) : (
          <Button variant="danger" disabled aria-describedby="revert-reason">
            Revert
          </Button>
        )}
      </div>
    </section>
  )
}
