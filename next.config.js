/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its .wasm/.data files from its own package folder at run time: keep them out of the bundle.
  // mailauth (CommonJS, deep imports of lib/spf and lib/dmarc) is loaded by Node as it is, like nodemailer.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', 'nodemailer', 'mailauth', 'pino', 'pino-pretty', 'prom-client'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Static assets too (proxy.ts sets the rest of the security headers on pages and API answers).
  async headers() {
    return [{ source: '/:path*', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }] }]
  },
}

export default nextConfig
