/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its .wasm/.data files from its own package folder at run time: keep them out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', 'nodemailer'],
  poweredByHeader: false,
  reactStrictMode: true,
}

export default nextConfig
