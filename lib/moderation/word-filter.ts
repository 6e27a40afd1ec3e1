// The word filter: listed words (operator setting `wordFilter`) are masked with asterisks,
// case-insensitively and as whole words only ("class" is not touched by a listed "ass").

let cached: { list: readonly string[]; pattern: RegExp | null } | undefined;

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function patternFor(list: readonly string[]): RegExp | null {
  if (cached?.list === list) return cached.pattern;
  const words = [...new Set(list.map((w) => w.trim().toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  // Letters, marks and digits of any script count as "inside a word".
  const pattern = words.length ? new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])(?:${words.map(escape).join("|")})(?![\\p{L}\\p{M}\\p{N}_])`, "giu") : null;
  cached = { list, pattern };
  return pattern;
}

export function maskWords(text: string, list: readonly string[]): string {
  const pattern = patternFor(list);
  if (!pattern) return text;
  return text.replace(pattern, (word) => "*".repeat([...word].length));
}
