import { formatDateTime } from '@/components/ui/format'
import { API_KEY_ACCESS_LABELS } from '@/lib/api-keys/labels'
import type { TApiKeyView } from '@/lib/api-keys/types'
import { RevokeApiKeyDialog } from './revoke-api-key-dialog'

/** The organization's API keys: name, prefix, access, who created it, last use; Revoke for active ones. */
export function ApiKeyList({ slug, keys }: { slug: string; keys: TApiKeyView[] }) {
  if (keys.length === 0) return <p className="px-6 py-5 text-sm text-slate-500">No API keys yet.</p>
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
          <tr>
            {['Name', 'Key', 'Access', 'Created by', 'Last used', ''].map((heading, index) => (
              <th key={index} scope="col" className="px-6 py-2.5 font-semibold">
                {heading || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => (
            <tr key={key.id} className={key.revokedAt ? 'text-slate-400' : 'text-slate-800'}>
              <td className="px-6 py-3 font-medium">{key.name}</td>
              <td className="px-6 py-3 font-mono text-[13px]">{key.prefix}…</td>
              <td className="px-6 py-3">{API_KEY_ACCESS_LABELS[key.access]}</td>
              <td className="px-6 py-3">
                {key.createdByEmail}
                <span className="block text-xs text-slate-500">{formatDateTime(key.createdAt)}</span>
              </td>
              <td className="px-6 py-3">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</td>
              <td className="px-6 py-3 text-right">
                {key.revokedAt ? (
                  <span className="text-xs">Revoked {formatDateTime(key.revokedAt)}</span>
                ) : (
                  <RevokeApiKeyDialog slug={slug} id={key.id} name={key.name} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
