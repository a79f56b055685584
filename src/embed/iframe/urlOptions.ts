/**
 * The iframe's options come from the query (`embed.html?scenario=…`) or the hash
 * (`embed.html#scenario=…`): static hosts that serve `embed.html` as `/embed` (docusaurus serve, many
 * CDNs) redirect and drop the query, but a redirect keeps the hash. A name in the query wins.
 */
export function embedParams(location: {
  readonly search: string
  readonly hash: string
}): (name: string) => string | null {
  const query = new URLSearchParams(location.search)
  const hash = new URLSearchParams(location.hash.replace(/^#\??/, ''))
  return (name) => query.get(name) ?? hash.get(name)
}
