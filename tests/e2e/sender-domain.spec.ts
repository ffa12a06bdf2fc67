import { generateKeyPairSync } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { E2E_DNS_PORT } from '../../playwright.config'
import { a, startDnsServer, txt, type TDnsServer, type TZone } from '../support/dns-server'
import { signUpAdmin } from './support/admins'
import { expectNoSeriousViolations } from './support/axe'
import { openProviderPage, saveProvider } from './support/provider-page'
import { smtpPassword } from './support/secrets'

// The Sender domain card as an admin meets it, answered by a local DNS server (the e2e servers' DNS_SERVERS).
const domain = 'acme-dns.test'
const dkimKey = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64')
const zone: TZone = {
  [domain]: [txt('v=spf1 ip4:192.0.2.10 -all')],
  [`smtp.${domain}`]: [a('192.0.2.10')],
  [`_dmarc.${domain}`]: [txt('v=DMARC1; p=none')],
}
let dns: TDnsServer

test.beforeAll(async () => {
  dns = await startDnsServer(zone, E2E_DNS_PORT)
})
test.afterAll(async () => {
  await dns.close()
})

test('Sender domain shows SPF, DKIM and DMARC with the record to add, and Check DNS sees a fix', async ({ page }) => {
  const admin = await signUpAdmin(page, 'dns')
  await openProviderPage(page, admin.slug)
  const card = page.getByRole('region', { name: 'Sender domain' })
  await expect(card).toContainText('managed by the platform')

  await saveProvider(page, { host: `smtp.${domain}`, port: '587', fromAddress: `no-reply@${domain}`, username: 'mailer', password: smtpPassword() })
  await page.getByLabel('DKIM selector', { exact: true }).fill('s1')
  await page.getByRole('button', { name: 'Update' }).click()
  await expect(page.getByText('Email provider updated')).toBeVisible()
  await page.reload()

  await expect(card).toContainText(domain)
  const row = (label: string) => card.getByRole('listitem').filter({ has: page.getByRole('heading', { name: label, exact: true }) })
  await expect(row('SPF')).toContainText('Pass')
  await expect(row('DKIM')).toContainText('Missing')
  await expect(row('DMARC')).toContainText('Warning')
  await expect(row('DMARC').getByRole('button', { name: 'Copy DMARC record' })).toBeVisible()
  await expect(row('DMARC')).toContainText('p=quarantine')
  await expectNoSeriousViolations(page)
  await card.screenshot({ path: 'test-results/screenshots/sender-domain.png' })

  dns.setZone({ ...zone, [`s1._domainkey.${domain}`]: [txt(`v=DKIM1; k=rsa; p=${dkimKey}`)] })
  await card.getByRole('button', { name: 'Check DNS' }).click()
  await expect(row('DKIM')).toContainText('Pass')
})
