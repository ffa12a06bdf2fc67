import 'server-only'
import { API_KEY_ACCESS_LABELS } from '@/lib/api-keys/labels'
import type { TApiKeyAccess } from '@/lib/api-keys/schema'
import { ROLE_LABELS, type TRole } from '@/lib/members/roles'
import { routes } from '@/lib/routes'

// One entry per notice owners receive: its subject, its title, what changed (never a secret) and which page's Recent
// changes it links to. The type is `{ [TKind in TOwnerNoticeKind]: … }`: a kind without an entry does not compile.

/** Where mail goes now: a custom server (host:port, its service and sign-in method), or the platform's default. */
export type TProviderTarget = { server: string; service: string; method: string } | null

type TKeyRef = { name: string; prefix: string }

/** The facts each kind of notice carries. */
export type TOwnerNoticeFacts = {
  'provider-target-changed': { target: TProviderTarget }
  'fallback-changed': { isOn: boolean }
  'api-key-created': TKeyRef & { access: TApiKeyAccess }
  'api-key-revoked': TKeyRef
  'role-changed': { member: string; from: TRole | null; to: TRole | null }
  'creator-keys-revoked': { creator: string; keys: TKeyRef[] }
  'creator-keys-limited': { creator: string; role: TRole; keys: TKeyRef[] }
}

export type TOwnerNoticeKind = keyof TOwnerNoticeFacts

/** A notice to send: its kind and its facts. */
export type TOwnerNotice = { [TKind in TOwnerNoticeKind]: { kind: TKind } & TOwnerNoticeFacts[TKind] }[TOwnerNoticeKind]

type TEntry<TFacts> = {
  subject: (orgName: string) => string
  title: string
  what: (facts: TFacts) => string
  page: (slug: string) => string
}

const keyList = (keys: TKeyRef[]) => keys.map((key) => `${key.name} (${key.prefix}…)`).join(', ')
const roleWord = (role: TRole | null) => (role ? ROLE_LABELS[role] : 'no member')

export const OWNER_NOTICES: { [TKind in TOwnerNoticeKind]: TEntry<TOwnerNoticeFacts[TKind]> } = {
  'provider-target-changed': {
    subject: (org) => `The email provider of ${org} was changed`,
    title: 'Where your organization’s mail goes was changed',
    what: ({ target }) =>
      target
        ? `Mail now goes through ${target.server} (${target.service}, sign-in: ${target.method})`
        : 'Mail now goes through the platform’s default provider (the custom provider was reverted)',
    page: routes.emailProvider,
  },
  'fallback-changed': {
    subject: (org) => `The fallback to the default provider of ${org} was changed`,
    title: 'The fallback to the default provider was changed',
    what: ({ isOn }) =>
      isOn
        ? 'Turned on: mail the custom server cannot deliver goes through the platform’s default provider'
        : 'Turned off: mail waits for the custom server instead of going through the default provider',
    page: routes.emailProvider,
  },
  'api-key-created': {
    subject: (org) => `An API key was created for ${org}`,
    title: 'An API key was created',
    what: ({ name, prefix, access }) => `The API key ${name} (${prefix}…) with ${API_KEY_ACCESS_LABELS[access]} access`,
    page: routes.apiKeys,
  },
  'api-key-revoked': {
    subject: (org) => `An API key of ${org} was revoked`,
    title: 'An API key was revoked',
    what: ({ name, prefix }) => `The API key ${name} (${prefix}…) no longer works`,
    page: routes.apiKeys,
  },
  'role-changed': {
    subject: (org) => `A role in ${org} was changed`,
    title: 'A member’s role was changed',
    what: ({ member, from, to }) => (to ? `${member}: ${roleWord(from)} → ${roleWord(to)}` : `${member} is no longer a member (was ${roleWord(from)})`),
    page: routes.members,
  },
  'creator-keys-revoked': {
    subject: (org) => `API keys of ${org} were revoked: their creator is no longer a member`,
    title: 'API keys were revoked with their creator',
    what: ({ creator, keys }) => `${creator} is no longer a member, so the keys they created no longer work: ${keyList(keys)}`,
    page: routes.apiKeys,
  },
  'creator-keys-limited': {
    subject: (org) => `API keys of ${org} were limited to read only`,
    title: 'API keys were limited to their creator’s new role',
    what: ({ creator, role, keys }) => `${creator} is now ${ROLE_LABELS[role]}, so the keys they created may only read: ${keyList(keys)}`,
    page: routes.apiKeys,
  },
}
