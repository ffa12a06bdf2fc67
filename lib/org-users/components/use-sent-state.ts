'use client'

import { useEffect, useRef, useState } from 'react'

/** The values a form last sent successfully (for Resend), and a way back to the empty form that then focuses `focus()`. */
export function useSentState<T>(focus: () => void) {
  const [sent, setSent] = useState<T>()
  const shouldFocus = useRef(false)
  const focusRef = useRef(focus)
  useEffect(() => {
    focusRef.current = focus
  })
  useEffect(() => {
    if (sent === undefined && shouldFocus.current) {
      shouldFocus.current = false
      focusRef.current()
    }
  }, [sent])
  const clear = () => {
    shouldFocus.current = true
    setSent(undefined)
  }
  return { sent, setSent, clear }
}
