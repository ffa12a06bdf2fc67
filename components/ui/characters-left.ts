/** "12 characters left" once a value comes within a fifth of its limit (the input's maxLength stops it there). */
export function charactersLeftHint(value: string | undefined, max: number): string | undefined {
  const left = max - (value?.length ?? 0)
  if (left > Math.ceil(max / 5)) return undefined
  return left === 1 ? '1 character left' : `${left} characters left`
}
