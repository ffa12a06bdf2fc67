// Empty on purpose: the bare page uses Next's defaults.
/** @type {import('next').NextConfig} */
const config = {}

export default config
