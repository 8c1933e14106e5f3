// Product names are stored lower-case ("donkey pinata"); shoppers read them in title
// case ("Donkey Pinata"). Used wherever a name is shown, the tab title included.

const MINOR_WORDS = new Set(["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"]);

export function displayName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word, index) => {
      // A word that already has capitals (a brand such as "iPhone") is kept as written.
      if (word !== word.toLowerCase()) return word;
      if (index > 0 && MINOR_WORDS.has(word)) return word;
      const [first = "", ...rest] = Array.from(word);
      return first.toLocaleUpperCase("en-US") + rest.join("");
    })
    .join(" ");
}
