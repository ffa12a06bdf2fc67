import { OrgCard } from '@/lib/org-users/components/org-card'

const UNKNOWN_ORG_TEXT = "We couldn't find this sign-up page. Check the link you were given, or contact the organization that sent you here."

/** An unknown organization's public pages (404): words for its end users, no link into the admins' console. */
export default function OrgNotFound() {
  return <OrgCard title="Page not found" subtitle={UNKNOWN_ORG_TEXT} />
}
