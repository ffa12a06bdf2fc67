import type { TSecretField } from '@/lib/email-provider/fields'
import { revertConsequence } from './saved-secret-words'
import { RevertDialog } from './revert-dialog'
import { Button } from '@/components/ui/button'
import { DangerZoneCard } from '@/components/ui/danger-zone-card'

type TDangerZoneProps = { slug: string; version: number; customHost: string | null; savedSecret: TSecretField | null }

/** Set apart from the form: reverting deletes the custom settings. */
export function DangerZone({ slug, version, customHost, savedSecret }: TDangerZoneProps) {
  return (
    <DangerZoneCard
      id="danger-zone"
      action="Revert to the default provider"
      consequenceId="revert-reason"
      consequence={customHost ? revertConsequence(savedSecret) : 'Nothing to revert: no custom provider is set, so the default provider is already in use.'}
    >
      {customHost ? (
        <RevertDialog slug={slug} version={version} hostLabel={customHost} savedSecret={savedSecret} />
      ) : (
        <Button variant="danger" disabled aria-describedby="revert-reason">
          Revert
        </Button>
      )}
    </DangerZoneCard>
  )
}
