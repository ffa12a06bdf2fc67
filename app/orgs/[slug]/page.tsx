import Link from 'next/link'
import { requireOrgAccess } from '@/lib/auth/server/session'
import { getProviderView } from '@/lib/email-provider/server/store'
import { ProviderStatus } from '@/lib/email-provider/components/provider-status'
import { getDeliveryHealth } from '@/lib/delivery/server/outbox/deliveries'
import { routes } from '@/lib/routes'
import { DeliveryChart } from '@/lib/delivery/components/delivery-chart'
import { deliveryStats } from '@/lib/delivery/server/outbox/delivery-stats'
import { env } from '@/lib/env'
import { UserPagesCard } from '@/lib/org-users/components/user-pages-card'
import { isPlatformMailCaptured } from '@/lib/delivery/server/platform-mail'
import { can } from '@/lib/members/roles'
import { microsoftPasswordDeadline } from '@/lib/email-provider/microsoft-password-deadline'
import { MicrosoftDeadlineNotice } from '@/lib/email-provider/components/microsoft-deadline-notice'

export const metadata = { title: 'Overview' }

export default async function OrgHomePage({ params }: { params: Promise<{ slug: string }> }) {
  const { org, role } = await requireOrgAccess((await params).slug)
  const [{ provider }, stats, health] = await Promise.all([getProviderView(org.id), deliveryStats(org.id), getDeliveryHealth(org.id)])
  const canEdit = can(role, 'edit-provider')
  const microsoftDeadline = microsoftPasswordDeadline(provider)
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">{org.name}</h1>
      <p className="mt-1 text-sm text-slate-600">Your organization’s console.</p>
      <div className="mt-8">
        <ProviderStatus
          provider={provider}
          health={health}
          isCapture={isPlatformMailCaptured()}
          place="home"
          action={
            <Link
              href={routes.emailProvider(org.slug)}
              className="inline-flex h-9 items-center rounded-md bg-brand-600 px-3.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
            >
              {!canEdit ? 'View Email Provider' : provider ? 'Manage Email Provider' : 'Configure Email Provider'}
            </Link>
          }
        />
      </div>
      {microsoftDeadline && (
        <div className="mt-4">
          <MicrosoftDeadlineNotice slug={org.slug} deadline={microsoftDeadline} canEdit={canEdit} />
        </div>
      )}
      <div className="mt-4">
        <DeliveryChart stats={stats} />
      </div>
      <div className="mt-4">
        <UserPagesCard slug={org.slug} appUrl={env.APP_URL} />
      </div>
    </div>
  )
}
