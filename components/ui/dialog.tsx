'use client'

import * as RadixDialog from '@radix-ui/react-dialog'
import { cn } from './cn'

type TDialogProps = {
  isOpen: boolean
  onOpenChange: (isOpen: boolean) => void
  /** While true the dialog cannot be dismissed (Esc, outside click, close button). */
  isLocked?: boolean
  title: string
  description?: React.ReactNode
  trigger: React.ReactNode
  children: React.ReactNode
  className?: string
}

/** A modal dialog (Radix): focus trapped inside, Esc closes, focus returns to the trigger. */
export function Dialog({ isOpen, onOpenChange, isLocked = false, title, description, trigger, children, className }: TDialogProps) {
  const block = (event: Event) => {
    if (isLocked) event.preventDefault()
  }
  return (
    <RadixDialog.Root open={isOpen} onOpenChange={(next) => (isLocked ? undefined : onOpenChange(next))}>
      <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 backdrop-blur-[1px]" />
        <RadixDialog.Content
          onEscapeKeyDown={block}
          onPointerDownOutside={block}
          onInteractOutside={block}
          className={cn(
            'fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg overflow-y-auto -translate-x-1/2 -translate-y-1/2 rounded-xl border border-slate-200 bg-white p-6 shadow-xl',
            'focus:outline-none',
            className,
          )}
        >
          <RadixDialog.Title className="text-lg font-semibold tracking-tight text-slate-900">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description asChild>
              <div className="mt-2 text-sm text-slate-600">{description}</div>
            </RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
          )}
          <div className="mt-5">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

export const DialogClose = RadixDialog.Close
