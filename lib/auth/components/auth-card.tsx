import Link from 'next/link'
import { Logo } from '@/components/console/logo'

type TAuthCardProps = { title: string; subtitle: string; footer: React.ReactNode; children: React.ReactNode }

/** The centered card that frames the sign-in and sign-up pages. */
export function AuthCard({ title, subtitle, footer, children }: TAuthCardProps) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-8 rounded-md" aria-label="Mailgate home">
        <Logo />
      </Link>
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
        <p className="mt-1 text-sm text-slate-600">{subtitle}</p>
        <div className="mt-6">{children}</div>
      </div>
      <p className="mt-6 text-sm text-slate-600">{footer}</p>
    </main>
  )
}
