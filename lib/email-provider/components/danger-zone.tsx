import { RevertDialog } from './revert-dialog'
import { Button } from '@/components/ui/button'
import { DangerZoneCard } from '@/components/ui/danger-zone-card'

type TDangerZoneProps = { slug: string; version: number; customHost: string | null }

/** Set apart from the form: reverting deletes the custom settings. */
export function DangerZone({ slug, version, customHost }: TDangerZoneProps) {
  return (
    <DangerZoneCard
      id="danger-zone"
      action="Revert to the default provider"
      consequenceId="revert-reason"
      consequence={
        customHost
          ? 'Deletes your custom settings, including the saved password. Emails are then sent by the platform’s default provider.'
          : 'Nothing to revert: no custom provider is set, so the default provider is already in use.'
      }
    >
      {customHost ? (
        <RevertDialog slug={slug} version={version} hostLabel={customHost} />
      ) : (
        <Button variant="danger" disabled aria-describedby="revert-reason">
          Revert
        </Button>
      )}
    </DangerZoneCard>
  )
}
