import type { Metadata } from 'next'
import { connection } from 'next/server'
import localFont from 'next/font/local'
import './globals.css'

const inter = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  variable: '--font-inter',
  display: 'swap',
})

export const metadata: Metadata = {
  title: { default: 'Mailgate', template: '%s · Mailgate' },
  description: 'Send your organization’s emails from your own SMTP server.',
}

// Every page renders per request: its scripts carry the request's CSP nonce (proxy.ts), which a static page cannot.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection()
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  )
}
