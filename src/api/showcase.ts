/** The operation Apollo Sandbox opens with: a tour of what the graph holds. */
export const SHOWCASE_OPERATION = `# Who is in the news, what happened, and who says so.
query Showcase {
  stats { articles entities figures claims deployments }
  search(text: "tokayev") {
    score
    entity {
      id
      name
      ... on Person {
        positions { title former of { name } certainty }
      }
      claims { summary quote certainty }
    }
  }
  timeline(countryId: "kazakhstan") {
    name
    date { iso qualifier }
    certainty
    figures { metric text value lowerBound approximate certainty }
  }
  deployments(destinationId: "kazakhstan", first: 10) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        country { name isoCode }
        force
        status
        certainty
        troops { text value approximate }
        evidence { text }
      }
    }
  }
}
`;
