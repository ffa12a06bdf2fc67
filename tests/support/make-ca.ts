// `tsx tests/support/make-ca.ts DIR`: writes the test CA into DIR once, for every suite of a run
// (scripts/test.sh then exports TEST_CA_DIR=DIR and NODE_EXTRA_CA_CERTS=DIR/ca.pem).
import { createTestCa, isTestCaDir } from './test-ca'

const dir = process.argv[2]
if (!dir) {
  console.error('usage: tsx tests/support/make-ca.ts DIR')
  process.exit(2)
}
if (!isTestCaDir(dir)) await createTestCa(dir)
console.log(`test CA: ${dir}/ca.pem`)
