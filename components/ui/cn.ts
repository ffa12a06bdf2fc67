import { clsx, type ClassValue } from 'clsx'

/**
 * Joins class names. It does not resolve conflicting Tailwind utilities (tailwind-merge did, for 8.6 KB gzip of
 * first-load JavaScript on every page): a component's base classes and the className its callers pass must not
 * set the same property.
 */
export function cn(...classes: ClassValue[]) {
  return clsx(classes)
}
