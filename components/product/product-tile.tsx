import clsx from "clsx";

// Stand-in artwork: a tile coloured from the product name, so each product looks distinct.
const palettes = [
  "from-indigo-100 to-indigo-200 text-indigo-700",
  "from-emerald-100 to-emerald-200 text-emerald-700",
  "from-amber-100 to-amber-200 text-amber-700",
  "from-rose-100 to-rose-200 text-rose-700",
  "from-sky-100 to-sky-200 text-sky-700",
  "from-violet-100 to-violet-200 text-violet-700",
];

function paletteFor(name: string) {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palettes[hash % palettes.length];
}

export function ProductTile({ name, size = "md" }: { name: string; size?: "md" | "lg" }) {
  const initials = name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
  return (
    <div
      aria-hidden
      className={clsx(
        "grid aspect-[4/3] w-full place-items-center rounded-lg bg-gradient-to-br font-semibold",
        size === "md" ? "text-3xl" : "text-6xl",
        paletteFor(name),
      )}
    >
      {initials}
    </div>
  );
}
