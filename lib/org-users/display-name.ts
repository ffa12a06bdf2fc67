/** The name end users see: the custom provider's Display Name when it has one, else the organization's name. */
export function orgDisplayName(orgName: string, providerDisplayName: string | null | undefined): string {
  const displayName = providerDisplayName?.trim()
  return displayName ? displayName : orgName
}
