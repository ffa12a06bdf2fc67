'use client'

import type { RefObject } from 'react'
import { Content, Description, Overlay, Portal, Root, Title } from '@radix-ui/react-dialog'
import { cn } from './cn'

export type TDialogPanelProps = {
  onOpenChange: (isOpen: boolean) => void
  isLocked: boolean
  /** the button that opened the dialog: focus goes back to it on close */
  returnFocusTo: RefObject<HTMLElement | null>
  /** when its element is set at close, focus goes there (scrolled to the top) instead */
  focusOnClose?: RefObject<HTMLElement | null>
  title: string
  description?: React.ReactNode
  children: React.ReactNode
  className?: string
}

/** The open dialog (Radix: focus trap, Esc, outside clicks, scroll lock), loaded when a dialog first opens. */
export default function DialogPanel({ onOpenChange, isLocked, returnFocusTo, focusOnClose, title, description, children, className }: TDialogPanelProps) {
  const block = (event: Event) => {
    if (isLocked) event.preventDefault()
  }
  return (
    <Root open onOpenChange={(next) => (isLocked ? undefined : onOpenChange(next))}>
      <Portal>
        <Overlay className="fixed inset-0 z-40 bg-slate-900/40 backdrop-blur-[1px]" />
        <Content
          onEscapeKeyDown={block}
          onPointerDownOutside={block}
          onInteractOutside={block}
          onCloseAutoFocus={(event) => {
            event.preventDefault()
            const elsewhere = focusOnClose?.current
            if (!elsewhere) return returnFocusTo.current?.focus()
            elsewhere.focus({ preventScroll: true })
            elsewhere.scrollIntoView({ block: 'start' })
          }}
          className={cn(
            'fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg overflow-y-auto -translate-x-1/2 -translate-y-1/2 rounded-xl border border-slate-200 bg-white p-6 shadow-xl',
            'focus:outline-none',
            className,
          )}
        >
          <Title className="text-lg font-semibold tracking-tight text-slate-900">{title}</Title>
          {description ? (
            <Description asChild>
              <div className="mt-2 text-sm text-slate-600">{description}</div>
            </Description>
          ) : (
            <Description className="sr-only">{title}</Description>
          )}
          <div className="mt-5">{children}</div>
        </Content>
      </Portal>
    </Root>
  )
}
