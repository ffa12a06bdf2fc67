'use client'

import { useState } from 'react'
import { usePathname } from 'next/navigation'
import { Close, Content, Description, Overlay, Portal, Root, Title, Trigger } from '@radix-ui/react-dialog'

/** Below `md`: a menu button opening the sidebar as a drawer (Radix Dialog: focus trap, Esc, scroll lock). */
export function MobileNav({ children }: { children: React.ReactNode }) {
  const pathname = usePathname()
  // open only on the page it was opened on: following a link closes the drawer
  const [openedOn, setOpenedOn] = useState<string | null>(null)
  return (
    <Root open={openedOn === pathname} onOpenChange={(isOpen) => setOpenedOn(isOpen ? pathname : null)}>
      <Trigger
        aria-label="Open menu"
        className="grid size-10 place-items-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <svg viewBox="0 0 20 20" aria-hidden className="size-5 fill-current">
          <path d="M3 5h14v1.5H3zm0 4.25h14v1.5H3zm0 4.25h14V15H3z" />
        </svg>
      </Trigger>
      <Portal>
        <Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col overflow-y-auto bg-white px-4 py-5 shadow-xl focus:outline-none">
          <Title className="sr-only">Menu</Title>
          <Description className="sr-only">Navigation of the console</Description>
          <Close
            aria-label="Close menu"
            className="absolute top-4 right-3 grid size-9 place-items-center rounded-md text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <svg viewBox="0 0 20 20" aria-hidden className="size-5 fill-current">
              <path d="M5.3 4.2 10 8.9l4.7-4.7 1.1 1.1-4.7 4.7 4.7 4.7-1.1 1.1-4.7-4.7-4.7 4.7-1.1-1.1 4.7-4.7-4.7-4.7z" />
            </svg>
          </Close>
          {children}
        </Content>
      </Portal>
    </Root>
  )
}
