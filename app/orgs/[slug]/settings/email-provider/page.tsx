import { requireOrgAccess } from '@/lib/auth/server/session'
import { env } from '@/lib/env'
import { isPlatformMailCaptured } from '@/lib/delivery/server/platform-mail'
import { UserPagesCard } from '@/lib/org-users/components/user-pages-card'
import { can } from '@/lib/members/roles'
import { EMAIL_PROVIDER_AUDIT_ACTIONS, EMAIL_PROVIDER_CHANGE_ACTIONS } from '@/lib/audit/groups'
import { hrefWith, listLimitOf, showMoreHref } from '@/components/ui/show-more'
import { routes } from '@/lib/routes'
import { getProviderView } from '@/lib/email-provider/server/store'
import { Suspense } from 'react'
import { SenderDomainSection } from '@/lib/email-provider/sender-domain/components/sender-domain-section'
import { domainOfAddress } from '@/lib/email-provider/sender-domain/records'
import { SenderDomainPanel } from '@/lib/email-provider/sender-domain/server/sender-domain-panel'
import { formValuesOf } from '@/lib/email-provider/form-values'
import { listRecentAudit } from '@/lib/audit/server/store'
import { ProviderStatus } from '@/lib/email-provider/components/provider-status'
import { EmailProviderForm } from '@/lib/email-provider/components/email-provider-form'
import { DangerZone } from '@/lib/email-provider/components/danger-zone'
import { RecentChanges } from '@/lib/audit/components/recent-changes'
import { RecentDeliveries } from '@/lib/delivery/components/recent-deliveries'
import { getDeliveryHealth, listRecentDeliveries } from '@/lib/delivery/server/outbox/deliveries'
import { SIGN_IN_KINDS } from '@/lib/email-provider/sign-in-kinds'
import { microsoftPasswordDeadline } from '@/lib/email-provider/microsoft-password-deadline'
import { MicrosoftDeadlineNotice } from '@/lib/email-provider/components/microsoft-deadline-notice'

export const metadata = { title: 'Email Provider' }

type TSearchParams = Record<string, string | string[] | undefined>

export default async function EmailProviderPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<TSearchParams> }) {
  const { org, admin, role } = await requireOrgAccess((await params).slug)
  // Viewers see everything but secrets (never shown to anyone) read-only; the actions refuse them as well.
  const isReadOnly = !can(role, 'edit-provider')
  // ?deliveries=40, ?changes=40 (Show more) and ?changes-filter=all (test emails too): server-rendered, no client state
  const query = await searchParams
  const deliveriesLimit = listLimitOf(query.deliveries)
  const changesLimit = listLimitOf(query.changes)
  const showsTests = query['changes-filter'] === 'all'
  const [{ provider, version }, audit, deliveries, health] = await Promise.all([
    getProviderView(org.id),
    listRecentAudit(org.id, changesLimit, showsTests ? EMAIL_PROVIDER_AUDIT_ACTIONS : EMAIL_PROVIDER_CHANGE_ACTIONS),
    listRecentDeliveries(org.id, deliveriesLimit),
    getDeliveryHealth(org.id),
  ])
  const now = new Date()
  const path = routes.emailProvider(org.slug)
  const changesFilters = [
    { label: 'Changes', href: hrefWith(path, query, { 'changes-filter': null, changes: null }), isCurrent: !showsTests },
    { label: 'Changes and test emails', href: hrefWith(path, query, { 'changes-filter': 'all', changes: null }), isCurrent: showsTests },
  ]
  const initialValues = formValuesOf(provider, version)
  const isCaptured = isPlatformMailCaptured()
  const microsoftDeadline = microsoftPasswordDeadline(provider, now)
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <header>
        <p className="text-sm font-medium text-slate-500">Organizational Settings</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Email Provider</h1>
        <p className="mt-2 max-w-prose text-sm text-slate-600">
          Your users receive sign-up verification and password recovery emails from {org.name}.{' '}
          {isCaptured ? 'Connect' : 'By default they are sent by the platform’s mail service; connect'} your own SMTP server so they come from a familiar sender
          on your domain.
        </p>
      </header>
      <ProviderStatus provider={provider} health={health} isCapture={isCaptured} />
      {microsoftDeadline && <MicrosoftDeadlineNotice slug={org.slug} deadline={microsoftDeadline} canEdit={!isReadOnly} />}
      <EmailProviderForm
        slug={org.slug}
        initialValues={initialValues}
        isProviderSaved={provider !== null}
        savedSecretKind={provider?.hasSecret && provider.sendingMethod !== 'api' ? provider.authKind : null}
        isApiKeySaved={Boolean(provider?.hasSecret && provider.sendingMethod === 'api')}
        serviceAccountEmail={provider?.serviceAccountEmail ?? null}
        adminEmail={admin.email}
        isReadOnly={isReadOnly}
        switchToOAuth={query.switch === 'oauth' && microsoftDeadline !== null}
      />
      <Suspense fallback={<SenderDomainSection variant="checking" domain={provider ? (domainOfAddress(provider.fromAddress) ?? undefined) : undefined} />}>
        <SenderDomainPanel slug={org.slug} provider={provider} isReadOnly={isReadOnly} />
      </Suspense>
      <UserPagesCard slug={org.slug} appUrl={env.APP_URL} />
      <RecentDeliveries
        slug={org.slug}
        deliveries={deliveries}
        now={now}
        canOpenCaptured={!isReadOnly}
        canRetry={!isReadOnly}
        moreHref={showMoreHref(path, query, 'deliveries', deliveriesLimit, deliveries.length)}
      />
      <RecentChanges entries={audit} now={now} filters={changesFilters} moreHref={showMoreHref(path, query, 'changes', changesLimit, audit.length)} />
      {!isReadOnly && (
        <DangerZone
          slug={org.slug}
          version={version}
          customHost={provider ? `${provider.host}:${provider.port}` : null}
          savedSecret={provider?.hasSecret ? SIGN_IN_KINDS[provider.authKind].secretField : null}
        />
      )}
    </div>
  )
}
