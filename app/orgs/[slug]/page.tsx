import Link from 'next/link'
import { requireOrgAccess } from '@/lib/auth/server/session'
import { getProviderView } from '@/lib/email-provider/server/store'
import { ProviderStatus } from '@/lib/email-provider/components/provider-status'
import { getDeliveryHealth } from '@/lib/delivery/server/outbox/deliveries'
import { routes } from '@/lib/routes'
import { DeliveryChart } from '@/lib/delivery/components/delivery-chart'
import { deliveryStats } from '@/lib/delivery/server/outbox/delivery-stats'
import { env } from '@/lib/env'
import { can } from '@/lib/members/roles'
import { microsoftPasswordDeadline } from '@/lib/email-provider/microsoft-password-deadline'
import { MicrosoftDeadlineNotice } from '@/lib/email-provider/components/microsoft-deadline-notice'

export const metadata = { title: 'Overview' }

export default async function OrgHomePage({ params }: { params: Promise<{ slug: string }> }) {
  const { org, role } = await requireOrgAccess((await params).slug)
  const [{ provider }, stats, health] = await Promise.all([getProviderView(org.id), deliveryStats(org.id), getDeliveryHealth(org.id)])
  const canEdit = can(role, 'edit-provider')
  const microsoftDeadline = microsoftPasswordDeadline(provider)
  const copy = homeCopy(Boolean(provider), Boolean(health?.failingSince), !env.DEFAULT_SMTP_URL)
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">{org.name}</h1>
      <p className="mt-1 text-sm text-slate-600">Your organization’s console.</p>
      <div className="mt-8">
        <ProviderStatus provider={provider} health={health} isCapture={!env.DEFAULT_SMTP_URL} place="home" />
      </div>
      {microsoftDeadline && (
        <div className="mt-4">
          <MicrosoftDeadlineNotice slug={org.slug} deadline={microsoftDeadline} canEdit={canEdit} />
        </div>
      )}
      <section className="mt-4 rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
        <h2 className="text-base font-semibold">{copy.title}</h2>
        <p className="mt-1 max-w-prose text-sm text-slate-600">{copy.text}</p>
        <Link
          href={routes.emailProvider(org.slug)}
          className="mt-4 inline-flex h-9 items-center rounded-md bg-brand-600 px-3.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          {!canEdit ? 'View Email Provider' : provider ? 'Manage Email Provider' : 'Configure Email Provider'}
        </Link>
      </section>
      <div className="mt-4">
        <DeliveryChart stats={stats} />
      </div>
    </div>
  )
}

// What Home says about email, as things are: the organization's own server (working or failing), the platform's
// mail service, or no mail service at all (captured).
function homeCopy(hasProvider: boolean, isFailing: boolean, isCapture: boolean): { title: string; text: string } {
  if (hasProvider && isFailing) {
    return {
      title: 'Your email server is failing',
      text: 'Sign-up and recovery emails wait and are retried. The Email Provider page says what fails and how to fix it.',
    }
  }
  if (hasProvider)
    return {
      title: 'Your emails come from your own server',
      text: 'Sign-up verification and password recovery emails go out through your SMTP server, from your domain.',
    }
  if (isCapture) {
    return {
      title: 'Connect your email server',
      text: 'This platform has no mail service configured: until you connect your own SMTP server (or the operator sets one up), your users’ emails are kept in Recent deliveries, not delivered.',
    }
  }
  return {
    title: 'Send email from your own domain',
    text: 'Sign-up verification and password recovery emails go out through the platform’s mail service. Connect your own SMTP server so your users receive them from a sender they recognise.',
  }
}
