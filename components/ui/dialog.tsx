'use client'

import { cloneElement, lazy, Suspense, useRef, type ReactElement, type RefObject } from 'react'

// Radix Dialog (focus trap, dismiss layers, scroll lock) is most of a dialog's weight: it loads when a dialog first
// opens (milliseconds on a fast connection), not with every page that shows a dialog's button.
const DialogPanel = lazy(() => import('./dialog-panel'))

type TDialogProps = {
  isOpen: boolean
  onOpenChange: (isOpen: boolean) => void
  /** While true the dialog cannot be dismissed (Esc, outside click, close button). */
  isLocked?: boolean
  title: string
  description?: React.ReactNode
  /** the button that opens the dialog */
  trigger: ReactElement<React.ComponentProps<'button'>>
  children: React.ReactNode
  className?: string
  /** When set at close, focus goes to this element (scrolled to the top) instead of back to the trigger. */
  focusOnClose?: RefObject<HTMLElement | null>
}

/** A modal dialog (Radix): focus trapped inside, Esc closes, focus returns to the trigger. */
export function Dialog({ isOpen, onOpenChange, isLocked = false, title, description, trigger, children, className, focusOnClose }: TDialogProps) {
  const triggerRef = useRef<HTMLButtonElement>(null)
  return (
    <>
      {cloneElement(trigger, { ref: triggerRef, 'aria-haspopup': 'dialog', 'aria-expanded': isOpen, onClick: () => onOpenChange(true) })}
      {isOpen && (
        <Suspense fallback={null}>
          <DialogPanel
            onOpenChange={onOpenChange}
            isLocked={isLocked}
            returnFocusTo={triggerRef}
            focusOnClose={focusOnClose}
            title={title}
            description={description}
            className={className}
          >
            {children}
          </DialogPanel>
        </Suspense>
      )}
    </>
  )
}

type TOpenDialogProps = Omit<TDialogProps, 'isOpen' | 'trigger' | 'focusOnClose'> & {
  /** where focus goes when the dialog closes (the element that had it when the dialog opened) */
  returnFocusTo: RefObject<HTMLElement | null>
}

/** A dialog opened by the app rather than by a button of its own (e.g. asked for by a Server Action's answer). */
export function OpenDialog({ onOpenChange, isLocked = false, title, description, children, className, returnFocusTo }: TOpenDialogProps) {
  return (
    <Suspense fallback={null}>
      <DialogPanel onOpenChange={onOpenChange} isLocked={isLocked} returnFocusTo={returnFocusTo} title={title} description={description} className={className}>
        {children}
      </DialogPanel>
    </Suspense>
  )
}
