import Link from 'next/link'
import { requireOrgAccess } from '@/lib/auth/server/session'
import { getProviderView } from '@/lib/email-provider/server/store'
import { ProviderStatus } from '@/lib/email-provider/components/provider-status'
import { getDeliveryHealth } from '@/lib/delivery/server/deliveries'
import { routes } from '@/lib/routes'
import { DeliveryChart } from '@/lib/delivery/components/delivery-chart'
import { deliveryStats } from '@/lib/delivery/server/delivery-stats'

export const metadata = { title: 'Overview' }

export default async function OrgHomePage({ params }: { params: Promise<{ slug: string }> }) {
  const { org } = await requireOrgAccess((await params).slug)
  const [{ provider }, stats, health] = await Promise.all([getProviderView(org.id), deliveryStats(org.id), getDeliveryHealth(org.id)])
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">{org.name}</h1>
      <p className="mt-1 text-sm text-slate-600">Your organization’s console.</p>
      <div className="mt-8">
        <ProviderStatus provider={provider} health={health} />
      </div>
      <section className="mt-4 rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
        <h2 className="text-base font-semibold">{provider ? 'Your emails come from your own server' : 'Send email from your own domain'}</h2>
        <p className="mt-1 max-w-prose text-sm text-slate-600">
          Sign-up verification and password recovery emails go out through the platform’s mail service by default. Connect your own SMTP server so your users
          receive them from a sender they recognise.
        </p>
        <Link
          href={routes.emailProvider(org.slug)}
          className="mt-4 inline-flex h-9 items-center rounded-md bg-brand-600 px-3.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          {provider ? 'Manage Email Provider' : 'Configure Email Provider'}
        </Link>
      </section>
      <div className="mt-4">
        <DeliveryChart stats={stats} />
      </div>
    </div>
  )
}
