'use client'
import { useEffect, useState } from 'react'
import { Button } from '@/components/ui/button'

/** Copies `value` to the clipboard and says so ("Copied") for two seconds. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])

  async function copy() {
    try {
      await navigator.clipboard.writeText(value)
      setState('copied')
    } catch {
      // no clipboard (insecure origin, denied permission): the value stays selectable in the code block
      setState('failed')
    }
  }

  return (
    <>
      <Button type="button" variant="secondary" onClick={copy} aria-label={label} className="h-8 shrink-0 px-2.5 text-xs">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : 'Copy'}
      </Button>
      <span role="status" className="sr-only">
        {state === 'copied' ? 'Copied to the clipboard' : state === 'failed' ? 'Could not copy: select the record and copy it' : ''}
      </span>
    </>
  )
}
