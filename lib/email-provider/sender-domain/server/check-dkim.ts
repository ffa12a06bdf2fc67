import 'server-only'
import { createPublicKey } from 'node:crypto'
import type { TProviderPreset } from '@/lib/email-provider/presets'
import { dkimRecordName } from '../records'
import { ZDkimSelector } from '../schema'
import type { TRecordCheck } from '../types'
import { dnsFailure } from './dns-failure'
import { lookupTxt, type TDnsResolve } from './resolver'

type TKeyState = 'valid' | 'revoked' | 'invalid' | 'missing' | 'dns-error'

type TDkimInput = { domain: string; preset: TProviderPreset; dkimSelector?: string }

/** DKIM keys of the provider's selectors (or the one the admin entered) on the From domain. */
export async function checkDkim({ domain, preset, dkimSelector }: TDkimInput, resolve: TDnsResolve): Promise<TRecordCheck> {
  const entered = dkimSelector?.trim()
  if (entered && !ZDkimSelector.safeParse(entered).success) {
    return { status: 'warning', why: `"${entered}" is not a DKIM selector: enter the selector only, such as s1.` }
  }
  const selectors = entered ? [entered] : preset.dkimSelectors
  if (selectors.length === 0) {
    return { status: 'warning', why: 'Enter the DKIM selector your provider gave you to check it.' }
  }
  const names = selectors.map((selector) => dkimRecordName(selector.toLowerCase(), domain))
  const states = await Promise.all(names.map((name) => keyState(name, resolve)))
  const failedAt = states.indexOf('dns-error')
  if (failedAt >= 0) return dnsFailure(names[failedAt])
  const valid = names.filter((_, index) => states[index] === 'valid')
  const others = names.filter((_, index) => states[index] !== 'valid')
  const provider = preset.id === 'custom' ? 'your provider' : preset.label
  if (others.length === 0) return { status: 'pass', why: `${provider} can sign your mail: a valid DKIM key is published at ${list(valid)}.` }
  if (valid.length > 0) {
    return { status: 'warning', why: `${list(valid)} has a valid key but ${list(others)} does not: ${provider} switches between them, so publish all of them.` }
  }
  const revoked = names.filter((_, index) => states[index] === 'revoked')
  if (revoked.length > 0) {
    return { status: 'warning', why: `The DKIM key at ${list(revoked)} is revoked (empty p=): publish the current key from ${provider}.` }
  }
  const invalid = names.filter((_, index) => states[index] === 'invalid')
  if (invalid.length > 0) {
    return { status: 'warning', why: `The record at ${list(invalid)} is not a valid DKIM public key: copy it again from ${provider}.` }
  }
  return { status: 'missing', why: `No DKIM key at ${list(names)}: publish the DKIM record ${provider} shows for ${domain}.` }
}

// The resolver follows a CNAME (how Microsoft 365 and SendGrid delegate keys) and returns the target's TXT.
async function keyState(name: string, resolve: TDnsResolve): Promise<TKeyState> {
  let records: string[]
  try {
    records = await lookupTxt(resolve, name)
  } catch {
    return 'dns-error'
  }
  if (records.length === 0) return 'missing'
  const tags = records.map(parseTags).find((parsed) => parsed.has('p'))
  if (!tags) return 'invalid'
  const key = (tags.get('p') ?? '').replace(/\s+/g, '')
  if (key === '') return 'revoked'
  return isPublicKey(key, tags.get('k') ?? 'rsa') ? 'valid' : 'invalid'
}

function parseTags(record: string): Map<string, string> {
  const tags = new Map<string, string>()
  for (const part of record.split(';')) {
    const at = part.indexOf('=')
    if (at > 0) tags.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim())
  }
  return tags
}

function isPublicKey(base64: string, keyType: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return false
  const der = Buffer.from(base64, 'base64')
  // RFC 8463: an Ed25519 key is the bare 32-byte public key, not SPKI
  if (keyType.toLowerCase() === 'ed25519') return der.length === 32
  try {
    createPublicKey({ key: der, format: 'der', type: 'spki' })
    return true
  } catch {
    return false
  }
}

function list(names: string[]): string {
  return names.join(' and ')
}
