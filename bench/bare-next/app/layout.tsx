// The bare Next.js page that benchmark 3 compares our page with: same `next`, no dependencies of ours.
export const metadata = { title: 'Bare page' }

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
