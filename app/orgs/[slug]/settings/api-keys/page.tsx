import { requireOrgAccess, SETTINGS_ROLES } from '@/lib/auth/server/session'
import { listApiKeys } from '@/lib/api-keys/server/store'
import { ApiKeyList } from '@/lib/api-keys/components/api-key-list'
import { CreateApiKeyDialog } from '@/lib/api-keys/components/create-api-key-dialog'
import { routes } from '@/lib/routes'
import { listRecentAudit } from '@/lib/audit/server/store'
import { RecentChanges } from '@/lib/audit/components/recent-changes'
import { API_KEY_AUDIT_ACTIONS } from '@/lib/audit/groups'

export const metadata = { title: 'API keys' }

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { org } = await requireOrgAccess((await params).slug, SETTINGS_ROLES)
  const [keys, audit] = await Promise.all([listApiKeys(org.id), listRecentAudit(org.id, 20, API_KEY_AUDIT_ACTIONS)])
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <header>
        <p className="text-sm font-medium text-slate-500">Organizational Settings</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">API keys</h1>
        <p className="mt-2 max-w-prose text-sm text-slate-600">
          Configure {org.name}’s email provider from Terraform or CI with the Management API: send a key as <code>Authorization: Bearer …</code>. Its
          description is at{' '}
          <a className="font-medium text-brand-700 underline" href={routes.api.openApi}>
            {routes.api.openApi}
          </a>
          .
        </p>
      </header>
      <section aria-labelledby="api-keys" className="rounded-xl border border-slate-200 bg-white shadow-xs">
        <div className="flex items-center justify-between gap-4 border-b border-slate-200 px-6 py-4">
          <h2 id="api-keys" className="text-base font-semibold text-slate-900">
            Keys
          </h2>
          <CreateApiKeyDialog slug={org.slug} />
        </div>
        <ApiKeyList slug={org.slug} keys={keys} />
      </section>
      <RecentChanges entries={audit} now={new Date()} />
    </div>
  )
}
