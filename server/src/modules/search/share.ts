/**
 * What share of the documents a search may match, told from its tsquery (as text) and the shares
 * of documents PostgreSQL's statistics give the most common lexemes. Words that must appear
 * together multiply (as if independent), alternatives count as the likelier one (they are the same
 * word in each language), an excluded word takes its share away, and a prefix counts every common
 * lexeme it begins. A lexeme the statistics do not list counts as none: such a word is rare.
 */
export function estimateShare(tsquery: string, shares: ReadonlyMap<string, number>): number {
  const tokens = tokenize(tsquery);
  if (tokens.length === 0) return 0;
  let position = 0;
  const peek = () => tokens[position];

  // From the loosest operator to the tightest: |, then & and <-> (both multiply, so which of
  // the two binds tighter changes nothing here), then !.
  const either = (): number => {
    let share = together();
    while (peek()?.kind === "or") {
      position++;
      share = Math.max(share, together());
    }
    return share;
  };
  const together = (): number => {
    let share = negated();
    while (peek()?.kind === "and" || peek()?.kind === "followed") {
      position++;
      share *= negated();
    }
    return share;
  };
  const negated = (): number => {
    const token = peek();
    if (token?.kind === "not") {
      position++;
      return 1 - negated();
    }
    if (token?.kind === "open") {
      position++;
      const share = either();
      if (peek()?.kind === "close") position++;
      return share;
    }
    if (token?.kind === "lexeme") {
      position++;
      return lexemeShare(token.lexeme, token.prefix, shares);
    }
    // Anything else (an operator out of place): skipped, counting as nothing.
    position++;
    return 0;
  };

  const share = either();
  return Math.min(1, Math.max(0, share));
}

type Token =
  | { kind: "lexeme"; lexeme: string; prefix: boolean }
  | { kind: "and" | "or" | "not" | "followed" | "open" | "close" };

const OPERATORS: Record<string, Token["kind"]> = { "&": "and", "|": "or", "!": "not", "(": "open", ")": "close" };

/** PostgreSQL's text form of a tsquery: quoted lexemes (with '' for a quote), optional :* and weights, operators. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /'((?:[^']|'')*)'(:\*?[A-D]*)?|<(?:-|\d+)>|[&|!()]/g;
  for (const [match, quoted, suffix] of text.matchAll(pattern)) {
    if (quoted !== undefined) tokens.push({ kind: "lexeme", lexeme: quoted.replace(/''/g, "'"), prefix: suffix?.includes("*") ?? false });
    else if (match.startsWith("<")) tokens.push({ kind: "followed" });
    else tokens.push({ kind: OPERATORS[match] ?? "and" } as Token);
  }
  return tokens;
}

function lexemeShare(lexeme: string, prefix: boolean, shares: ReadonlyMap<string, number>): number {
  if (!prefix) return shares.get(lexeme) ?? 0;
  let share = 0;
  for (const [known, knownShare] of shares) if (known.startsWith(lexeme)) share += knownShare;
  return Math.min(1, share);
}
