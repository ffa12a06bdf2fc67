// Vitest globalSetup of the integration project: runs in the main process before the workers fork.
import { setupTestCa } from './ca-setup'

export default async function setup() {
  return setupTestCa()
}
