export default function BarePage() {
  return (
    <main>
      <h1>Bare page</h1>
      <p>A server-rendered page with no client components: the first-load JavaScript every Next.js page pays.</p>
    </main>
  )
}
