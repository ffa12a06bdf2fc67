'use client'

// Unexpected failures: a calm message and the reference Next gives us, never a stack trace.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="max-w-sm text-sm text-slate-600">
        We could not complete this request. Please try again.{error.digest ? ` Reference: ${error.digest}` : ''}
      </p>
      <button onClick={reset} className="mt-2 rounded-md bg-brand-600 px-3.5 py-2 text-sm font-semibold text-white hover:bg-brand-700">
        Try again
      </button>
    </main>
  )
}
