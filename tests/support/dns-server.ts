// A local authoritative DNS server (dns2, UDP and TCP on 127.0.0.1, a free port) that answers from a zone the test sets.
// A name absent from the zone answers NXDOMAIN; a name without records of the asked type answers NODATA;
// 'servfail' answers SERVFAIL. A CNAME is followed within the zone, as a recursive resolver would.
import dns2 from 'dns2'

const { Packet } = dns2

export type TDnsRecord = { type: 'TXT'; text: string } | { type: 'A'; address: string } | { type: 'AAAA'; address: string } | { type: 'CNAME'; target: string }

export type TZone = Record<string, TDnsRecord[] | 'servfail'>

export type TDnsServer = {
  /** For setServers / createDnsResolver: ['127.0.0.1:PORT']. */
  servers: string[]
  /** Replaces the zone the server answers from. */
  setZone(zone: TZone): void
  /** Questions asked so far, as 'TXT example.test'. */
  questions: string[]
  close(): Promise<void>
}

const TYPE_NAMES: Record<number, TDnsRecord['type']> = {
  [Packet.TYPE.TXT]: 'TXT',
  [Packet.TYPE.A]: 'A',
  [Packet.TYPE.AAAA]: 'AAAA',
  [Packet.TYPE.CNAME]: 'CNAME',
}

/** A TXT record; text longer than 255 octets is split into character-strings as DNS requires. */
export const txt = (text: string): TDnsRecord => ({ type: 'TXT', text })
export const a = (address: string): TDnsRecord => ({ type: 'A', address })
export const cname = (target: string): TDnsRecord => ({ type: 'CNAME', target })

/** Starts the server; close() it (or let the test stop it to simulate DNS being down). */
export async function startDnsServer(initial: TZone = {}, fixedPort = 0): Promise<TDnsServer> {
  let zone = normalise(initial)
  const questions: string[] = []
  const handle: dns2.DnsHandler = (request, send) => {
    const response = Packet.createResponseFromRequest(request)
    const [question] = request.questions
    const asked = TYPE_NAMES[question.type] ?? String(question.type)
    questions.push(`${asked} ${question.name.toLowerCase()}`)
    let name = question.name.toLowerCase()
    for (let hop = 0; hop < 8; hop++) {
      const records = zone[name]
      if (records === 'servfail') {
        response.header.rcode = Packet.RCODE.SERVFAIL
        break
      }
      if (!records) {
        if (hop === 0) response.header.rcode = Packet.RCODE.NXDOMAIN
        break
      }
      const alias = records.find((record) => record.type === 'CNAME')
      if (alias && asked !== 'CNAME' && alias.type === 'CNAME') {
        response.answers.push(answer(name, alias))
        name = alias.target.toLowerCase()
        continue
      }
      for (const record of records.filter((candidate) => candidate.type === asked)) response.answers.push(answer(name, record))
      break
    }
    void send(response)
  }
  const udp = dns2.createServer({ udp: true, handle })
  const port = (await udp.listen({ udp: { port: fixedPort, address: '127.0.0.1' } })).udp?.port
  if (!port) throw new Error('the DNS server did not report its port')
  // answers over 512 octets (a 2048-bit DKIM key behind a CNAME) make the resolver retry over TCP, on the same port
  const tcp = dns2.createServer({ tcp: true, handle })
  await tcp.listen({ tcp: { port, address: '127.0.0.1' } })
  return {
    servers: [`127.0.0.1:${port}`],
    setZone(next) {
      zone = normalise(next)
    },
    questions,
    close: async () => {
      await Promise.all([udp.close(), tcp.close()])
    },
  }
}

// dns2 encodes plain objects; its Resource type also names a toBuffer it does not need here
function answer(name: string, record: TDnsRecord): dns2.Packet.Resource {
  return fields(name, record) as dns2.Packet.Resource
}

function fields(name: string, record: TDnsRecord) {
  const base = { name, class: Packet.CLASS.IN, ttl: 60 }
  switch (record.type) {
    case 'TXT':
      return { ...base, type: Packet.TYPE.TXT, data: record.text.match(/.{1,255}/gs) ?? [''] }
    case 'A':
      return { ...base, type: Packet.TYPE.A, address: record.address }
    case 'AAAA':
      return { ...base, type: Packet.TYPE.AAAA, address: record.address }
    case 'CNAME':
      return { ...base, type: Packet.TYPE.CNAME, domain: record.target }
  }
}

function normalise(zone: TZone): TZone {
  return Object.fromEntries(Object.entries(zone).map(([name, records]) => [name.toLowerCase(), records]))
}
