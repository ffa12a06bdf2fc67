import { signOutOrgUserAction } from '@/lib/org-users/actions/sign-out'
import { Button } from '@/components/ui/button'

/** **Sign out**: a plain form POST (works before the page's scripts load) that ends the session and its cookie. */
export function SignOutButton({ slug }: { slug: string }) {
  return (
    <form action={signOutOrgUserAction.bind(null, slug)}>
      <Button type="submit" variant="secondary" className="w-full">
        Sign out
      </Button>
    </form>
  )
}
