import 'server-only'
import { Text } from '@react-email/components'
import { ActionLink, EmailLayout, paragraph } from './layout'
import { oneLine, renderEmail, subjectOrgName, type TRenderedEmail } from './render'

const factStyle = { ...paragraph, margin: '0 0 6px' }

export type TOwnerNoticeContent = {
  orgName: string
  /** The Subject without the organization: "The email provider of {org} was changed" is `subject(name)`. */
  subject: (orgName: string) => string
  title: string
  /** What changed, who, when, from which network: label and value, never a secret. */
  facts: ReadonlyArray<readonly [string, string]>
  link: string
}

/** Tells an organization's owners of a change that decides where its mail goes or who may change it. */
export function ownerNotice(input: TOwnerNoticeContent): Promise<TRenderedEmail> {
  const orgName = oneLine(input.orgName)
  const facts = input.facts.map(([label, value]) => [label, oneLine(value)] as const)
  const footer = `You received this because you are an owner of ${orgName}. If you did not expect this change, check Recent changes and the members now.`
  return renderEmail(
    input.subject(subjectOrgName(orgName)),
    <EmailLayout orgName={orgName} preview={input.title} title={input.title} footer={footer}>
      {facts.map(([label, value]) => (
        <Text key={label} style={factStyle}>
          <strong>{label}:</strong> {value}
        </Text>
      ))}
      <Text style={paragraph}> </Text>
      <ActionLink href={input.link}>Open Recent changes</ActionLink>
    </EmailLayout>,
    [input.title, '', ...facts.map(([label, value]) => `${label}: ${value}`), '', 'Recent changes:', input.link, '', '--', footer],
  )
}
