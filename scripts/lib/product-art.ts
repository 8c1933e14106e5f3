// Drawings for the catalog's product images: one small SVG per product, made of a
// store-coloured background and a simple picture of what the product is.
// `npm run images` writes them to public/images/products/ (scripts/generate-product-images.ts).

export type Palette = { from: string; to: string; ink: string; accent: string; light: string };

/** One colour family per store, so a product's picture also says where it comes from. */
export const storePalettes: Record<string, Palette> = {
  "Party Supplies": { from: "#fdf2f8", to: "#ede9fe", ink: "#6d28d9", accent: "#ec4899", light: "#fbcfe8" },
  "Foggy Bottom Market": { from: "#f0fdf4", to: "#ecfccb", ink: "#166534", accent: "#f59e0b", light: "#bbf7d0" },
  DogExpress: { from: "#fffbeb", to: "#ffedd5", ink: "#9a3412", accent: "#0ea5e9", light: "#fed7aa" },
};

export const fallbackPalette: Palette = {
  from: "#f5f5f5",
  to: "#e0e7ff",
  ink: "#4338ca",
  accent: "#a3a3a3",
  light: "#e5e5e5",
};

type Draw = (c: Palette) => string;

/** A kind of product: the words in a name that pick it, what the drawing shows, and the drawing. */
type Kind = { words: string[]; shows: string; draw: Draw };

const kinds: Kind[] = [
  {
    words: ["cups", "cup"],
    shows: "a stack of party cups",
    draw: (c) =>
      [0, 1, 2]
        .map(
          (i) =>
            `<path d="M${150 + i * 8} ${110 - i * 12}h${100 - i * 16}l-12 110h-${76 - i * 16}z" fill="${i === 0 ? c.accent : c.light}" stroke="${c.ink}" stroke-width="4"/>`,
        )
        .reverse()
        .join("") + `<rect x="140" y="104" width="120" height="12" rx="6" fill="${c.ink}"/>`,
  },
  {
    words: ["pinata"],
    shows: "a striped piñata",
    draw: (c) =>
      `<g stroke="${c.ink}" stroke-width="4"><rect x="120" y="110" width="160" height="80" rx="24" fill="${c.accent}"/>` +
      `<path d="M132 137h136M124 163h152" stroke="${c.light}" stroke-width="12"/>` +
      `<rect x="240" y="70" width="44" height="60" rx="14" fill="${c.accent}"/>` +
      `<path d="M140 190v36M170 190v36M230 190v36M260 190v36" stroke-linecap="round" stroke-width="10"/></g>` +
      `<circle cx="268" cy="90" r="5" fill="${c.ink}"/>`,
  },
  {
    words: ["plates", "plate"],
    shows: "a stack of paper plates",
    draw: (c) =>
      `<ellipse cx="200" cy="170" rx="110" ry="38" fill="${c.light}" stroke="${c.ink}" stroke-width="4"/>` +
      `<ellipse cx="200" cy="156" rx="110" ry="38" fill="#fff" stroke="${c.ink}" stroke-width="4"/>` +
      `<ellipse cx="200" cy="156" rx="68" ry="22" fill="none" stroke="${c.accent}" stroke-width="4"/>`,
  },
  {
    words: ["bowl"],
    shows: "a bowl",
    draw: (c) =>
      `<path d="M100 130h200a100 70 0 0 1-200 0z" fill="${c.accent}" stroke="${c.ink}" stroke-width="5"/>` +
      `<ellipse cx="200" cy="130" rx="100" ry="18" fill="${c.light}" stroke="${c.ink}" stroke-width="5"/>`,
  },
  {
    words: ["napkins", "tablecloth", "wrap"],
    shows: "folded paper in a stack",
    draw: (c) =>
      [0, 1, 2]
        .map(
          (i) =>
            `<rect x="${110 + i * 10}" y="${170 - i * 32}" width="180" height="36" rx="6" fill="${i % 2 ? c.light : c.accent}" stroke="${c.ink}" stroke-width="4"/>`,
        )
        .join("") + `<path d="M150 118l20 20 20-20 20 20 20-20 20 20" fill="none" stroke="#fff" stroke-width="4"/>`,
  },
  {
    words: ["forks"],
    shows: "a plastic fork",
    draw: (c) =>
      `<g fill="${c.light}" stroke="${c.ink}" stroke-width="4" stroke-linejoin="round">` +
      `<path d="M176 60v60a24 24 0 0 0 48 0V60M192 60v50M208 60v50"/>` +
      `<rect x="190" y="140" width="20" height="110" rx="10"/></g>`,
  },
  {
    words: ["balloons", "balloon"],
    shows: "three balloons on strings",
    draw: (c) =>
      [
        [150, 110, c.accent],
        [250, 105, c.light],
        [200, 85, c.ink],
      ]
        .map(
          ([x, y, fill]) =>
            `<path d="M${x} ${Number(y) + 50}q10 60 ${200 - Number(x)} 100" fill="none" stroke="${c.ink}" stroke-width="3"/>` +
            `<ellipse cx="${x}" cy="${y}" rx="38" ry="48" fill="${fill}" stroke="${c.ink}" stroke-width="4"/>`,
        )
        .join(""),
  },
  {
    words: ["tank"],
    shows: "a gas cylinder",
    draw: (c) =>
      `<rect x="150" y="90" width="100" height="160" rx="40" fill="${c.accent}" stroke="${c.ink}" stroke-width="5"/>` +
      `<rect x="185" y="60" width="30" height="34" rx="6" fill="${c.light}" stroke="${c.ink}" stroke-width="5"/>` +
      `<rect x="160" y="150" width="80" height="40" rx="8" fill="#fff"/>`,
  },
  {
    words: ["hats", "hat"],
    shows: "a cone party hat",
    draw: (c) =>
      `<path d="M200 60l70 170H130z" fill="${c.accent}" stroke="${c.ink}" stroke-width="5" stroke-linejoin="round"/>` +
      `<circle cx="200" cy="58" r="16" fill="${c.light}" stroke="${c.ink}" stroke-width="4"/>` +
      `<g fill="#fff"><circle cx="190" cy="130" r="8"/><circle cx="215" cy="170" r="8"/><circle cx="175" cy="200" r="8"/></g>`,
  },
  {
    words: ["candles"],
    shows: "striped candles with flames",
    draw: (c) =>
      [150, 200, 250]
        .map(
          (x) =>
            `<path d="M${x} 70q14 22 0 34q-14-12 0-34z" fill="#f59e0b"/>` +
            `<rect x="${x - 10}" y="110" width="20" height="120" rx="4" fill="${c.light}" stroke="${c.ink}" stroke-width="4"/>` +
            `<path d="M${x - 10} 140l20-14M${x - 10} 175l20-14M${x - 10} 210l20-14" stroke="${c.accent}" stroke-width="5"/>`,
        )
        .join(""),
  },
  {
    words: ["sparklers", "confetti", "props"],
    shows: "sparkling stars",
    draw: (c) =>
      [
        [200, 140, 60, c.accent],
        [120, 90, 26, c.ink],
        [290, 200, 30, c.ink],
        [300, 90, 18, c.accent],
        [115, 210, 20, c.accent],
      ]
        .map(([x, y, r, fill]) => {
          const [cx, cy, size] = [Number(x), Number(y), Number(r)];
          const points = Array.from({ length: 10 }, (_, i) => {
            const radius = i % 2 ? size * 0.42 : size;
            const angle = (Math.PI / 5) * i - Math.PI / 2;
            return `${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`;
          });
          return `<polygon points="${points.join(" ")}" fill="${fill}"/>`;
        })
        .join(""),
  },
  {
    words: ["streamers", "banner"],
    shows: "a string of pennant flags",
    draw: (c) =>
      `<path d="M70 90q130 60 260 0" fill="none" stroke="${c.ink}" stroke-width="4"/>` +
      [0, 1, 2, 3, 4]
        .map((i) => {
          const x = 95 + i * 50;
          const y = 90 + 30 * Math.sin((Math.PI * (i + 0.5)) / 5);
          return `<path d="M${x - 20} ${y.toFixed(0)}h40l-20 60z" fill="${i % 2 ? c.light : c.accent}" stroke="${c.ink}" stroke-width="3" stroke-linejoin="round"/>`;
        })
        .join(""),
  },
  {
    words: ["lights"],
    shows: "a string of light bulbs",
    draw: (c) =>
      `<path d="M60 100q70 50 140 0t140 0" fill="none" stroke="${c.ink}" stroke-width="4"/>` +
      [95, 165, 235, 305]
        .map(
          (x, i) =>
            `<ellipse cx="${x}" cy="${i % 2 ? 150 : 140}" rx="18" ry="26" fill="${i % 2 ? c.accent : "#fde047"}" stroke="${c.ink}" stroke-width="3"/>`,
        )
        .join(""),
  },
  {
    words: ["bags", "favors", "food", "treats", "chips"],
    shows: "a paper bag",
    draw: (c) =>
      `<path d="M130 110h140l14 140H116z" fill="${c.accent}" stroke="${c.ink}" stroke-width="5" stroke-linejoin="round"/>` +
      `<path d="M170 110v-20a30 30 0 0 1 60 0v20" fill="none" stroke="${c.ink}" stroke-width="6"/>` +
      `<rect x="160" y="160" width="80" height="50" rx="8" fill="#fff"/>`,
  },
  {
    words: ["bucket"],
    shows: "a metal tub",
    draw: (c) =>
      `<path d="M110 110h180l-20 130H130z" fill="${c.light}" stroke="${c.ink}" stroke-width="5" stroke-linejoin="round"/>` +
      `<path d="M120 150h160M126 200h148" stroke="${c.ink}" stroke-width="4"/>` +
      `<rect x="100" y="100" width="200" height="16" rx="8" fill="${c.accent}" stroke="${c.ink}" stroke-width="4"/>`,
  },
  {
    words: ["straws"],
    shows: "striped paper straws in a cup",
    draw: (c) =>
      `<g stroke-width="10" stroke-linecap="round"><path d="M170 160l-20-110" stroke="${c.accent}"/><path d="M200 160V45" stroke="${c.ink}"/><path d="M230 160l25-105" stroke="${c.accent}"/></g>` +
      `<path d="M140 140h120l-14 100h-92z" fill="${c.light}" stroke="${c.ink}" stroke-width="5"/>`,
  },
  {
    words: ["avocados"],
    shows: "a halved avocado",
    draw: (c) =>
      `<path d="M200 60c40 0 70 80 70 120a70 70 0 0 1-140 0c0-40 30-120 70-120z" fill="#65a30d" stroke="${c.ink}" stroke-width="5"/>` +
      `<path d="M200 84c28 0 50 66 50 98a50 50 0 0 1-100 0c0-32 22-98 50-98z" fill="#d9f99d"/>` +
      `<circle cx="200" cy="185" r="26" fill="#92400e"/>`,
  },
  {
    words: ["limes"],
    shows: "two limes",
    draw: (c) =>
      `<circle cx="165" cy="160" r="62" fill="#84cc16" stroke="${c.ink}" stroke-width="5"/>` +
      `<circle cx="248" cy="150" r="52" fill="#d9f99d" stroke="${c.ink}" stroke-width="5"/>` +
      `<path d="M248 98v104M196 150h104M211 113l74 74M285 113l-74 74" stroke="#84cc16" stroke-width="4"/>`,
  },
  {
    words: ["cilantro"],
    shows: "a bunch of herbs",
    draw: (c) =>
      `<path d="M200 250V150M200 190l-50-60M200 180l50-70" stroke="${c.ink}" stroke-width="5" fill="none"/>` +
      [
        [200, 120],
        [145, 115],
        [255, 100],
        [170, 80],
        [230, 70],
      ]
        .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="30" fill="#22c55e" stroke="${c.ink}" stroke-width="4"/>`)
        .join(""),
  },
  {
    words: ["pizza"],
    shows: "a slice of pizza",
    draw: (c) =>
      `<path d="M110 90h180L200 250z" fill="#fcd34d" stroke="${c.ink}" stroke-width="5" stroke-linejoin="round"/>` +
      `<path d="M104 80h192" stroke="#b45309" stroke-width="20" stroke-linecap="round"/>` +
      `<g fill="#dc2626"><circle cx="170" cy="120" r="14"/><circle cx="230" cy="130" r="14"/><circle cx="200" cy="180" r="12"/></g>`,
  },
  {
    words: ["bananas"],
    shows: "a bunch of bananas",
    draw: (c) =>
      [0, 1, 2]
        .map(
          (i) =>
            `<path d="M${120 + i * 12} ${110 + i * 18}q80 110 180 0q-80 70-180 0z" fill="${i === 1 ? "#fde047" : "#facc15"}" stroke="${c.ink}" stroke-width="4" stroke-linejoin="round"/>`,
        )
        .join("") + `<rect x="108" y="100" width="22" height="24" rx="4" fill="#65a30d"/>`,
  },
  {
    words: ["strawberries", "blueberries"],
    shows: "fresh berries",
    draw: (c) =>
      [
        [160, 170, 46],
        [240, 175, 42],
        [200, 120, 44],
      ]
        .map(
          ([x, y, r]) =>
            `<circle cx="${x}" cy="${y}" r="${r}" fill="${c.accent === "#f59e0b" ? "#ef4444" : c.accent}" stroke="${c.ink}" stroke-width="4"/>` +
            `<path d="M${Number(x) - 14} ${Number(y) - Number(r) + 6}l14 12 14-12" fill="#16a34a" stroke="#166534" stroke-width="3"/>`,
        )
        .join(""),
  },
  {
    words: ["bread"],
    shows: "a loaf of bread",
    draw: (c) =>
      `<path d="M90 200v-50a110 70 0 0 1 220 0v50z" fill="#d97706" stroke="${c.ink}" stroke-width="5" stroke-linejoin="round"/>` +
      `<path d="M150 120l30 40M200 110l30 45M250 120l25 35" stroke="#fde68a" stroke-width="7" stroke-linecap="round"/>`,
  },
  {
    words: ["milk", "juice"],
    shows: "a carton",
    draw: (c) =>
      `<path d="M150 110l25-40h50l25 40v140H150z" fill="#fff" stroke="${c.ink}" stroke-width="5" stroke-linejoin="round"/>` +
      `<path d="M150 110h100M175 70l-25 40" stroke="${c.ink}" stroke-width="4"/>` +
      `<rect x="150" y="150" width="100" height="56" fill="${c.accent}"/>`,
  },
  {
    words: ["oil", "water", "shampoo"],
    shows: "a bottle",
    draw: (c) =>
      `<path d="M180 60h40v40l25 30v120h-90V130l25-30z" fill="${c.light}" stroke="${c.ink}" stroke-width="5" stroke-linejoin="round"/>` +
      `<rect x="175" y="45" width="50" height="20" rx="4" fill="${c.ink}"/>` +
      `<rect x="165" y="160" width="70" height="50" rx="6" fill="${c.accent}"/>`,
  },
  {
    words: ["salsa", "sauce", "yogurt"],
    shows: "a jar",
    draw: (c) =>
      `<rect x="140" y="100" width="120" height="150" rx="20" fill="${c.accent === "#f59e0b" ? "#ef4444" : c.accent}" stroke="${c.ink}" stroke-width="5"/>` +
      `<rect x="130" y="70" width="140" height="34" rx="8" fill="${c.ink}"/>` +
      `<rect x="158" y="145" width="84" height="56" rx="6" fill="#fff"/>`,
  },
  {
    words: ["eggs"],
    shows: "eggs in a carton",
    draw: (c) =>
      `<path d="M90 170h220l-20 60H110z" fill="${c.light}" stroke="${c.ink}" stroke-width="5" stroke-linejoin="round"/>` +
      [130, 183, 236, 289]
        .map(
          (x) => `<ellipse cx="${x - 10}" cy="150" rx="24" ry="32" fill="#fde7c7" stroke="${c.ink}" stroke-width="4"/>`,
        )
        .join(""),
  },
  {
    words: ["cheese"],
    shows: "a wedge of cheese",
    draw: (c) =>
      `<path d="M100 210V140l200-60v130z" fill="#facc15" stroke="${c.ink}" stroke-width="5" stroke-linejoin="round"/>` +
      `<path d="M100 140l200-60" stroke="${c.ink}" stroke-width="5"/>` +
      `<g fill="#fde68a"><circle cx="160" cy="175" r="14"/><circle cx="240" cy="160" r="18"/><circle cx="270" cy="195" r="9"/></g>`,
  },
  {
    words: ["chocolate"],
    shows: "a chocolate bar",
    draw: (c) =>
      `<rect x="120" y="70" width="160" height="180" rx="10" fill="#78350f" stroke="${c.ink}" stroke-width="5"/>` +
      `<path d="M173 70v180M227 70v180M120 130h160M120 190h160" stroke="#451a03" stroke-width="5"/>` +
      `<path d="M120 190h160v60H120z" fill="${c.accent}"/>`,
  },
  {
    words: ["pasta"],
    shows: "a nest of spaghetti",
    draw: (c) =>
      `<ellipse cx="200" cy="200" rx="110" ry="30" fill="#fff" stroke="${c.ink}" stroke-width="4"/>` +
      [0, 1, 2, 3]
        .map(
          (i) =>
            `<path d="M${120 + i * 8} ${180 - i * 14}q40-50 80 0t80 0" fill="none" stroke="#eab308" stroke-width="8" stroke-linecap="round"/>`,
        )
        .join(""),
  },
  {
    words: ["coffee"],
    shows: "a bag of coffee beans",
    draw: (c) =>
      `<path d="M140 80h120v170H140z" fill="#78350f" stroke="${c.ink}" stroke-width="5"/>` +
      `<ellipse cx="200" cy="160" rx="26" ry="36" fill="#d6a06b"/><path d="M200 126q-12 34 0 68" stroke="#78350f" stroke-width="5" fill="none"/>`,
  },
  {
    words: ["chews", "chew"],
    shows: "a dog bone",
    draw: (c) =>
      `<path d="M130 130a24 24 0 1 1 20-34l100 0a24 24 0 1 1 20 34a24 24 0 1 1-20 34h-100a24 24 0 1 1-20-34z" transform="rotate(-20 200 130)" fill="${c.light}" stroke="${c.ink}" stroke-width="5" stroke-linejoin="round"/>`,
  },
  {
    words: ["balls"],
    shows: "tennis balls",
    draw: (c) =>
      [
        [160, 165, 55],
        [250, 170, 48],
      ]
        .map(
          ([x, y, r]) =>
            `<circle cx="${x}" cy="${y}" r="${r}" fill="#d9f99d" stroke="${c.ink}" stroke-width="5"/>` +
            `<path d="M${Number(x) - Number(r) + 8} ${Number(y) - 20}q${r} 30 0 50M${Number(x) + Number(r) - 8} ${Number(y) - 20}q-${r} 30 0 50" fill="none" stroke="#fff" stroke-width="5"/>`,
        )
        .join(""),
  },
  {
    words: ["rope"],
    shows: "a knotted rope toy",
    draw: (c) =>
      `<path d="M110 200q90-140 180 0" fill="none" stroke="${c.accent}" stroke-width="22" stroke-linecap="round" stroke-dasharray="18 8"/>` +
      `<circle cx="110" cy="200" r="26" fill="${c.light}" stroke="${c.ink}" stroke-width="5"/><circle cx="290" cy="200" r="26" fill="${c.light}" stroke="${c.ink}" stroke-width="5"/>` +
      `<circle cx="200" cy="98" r="24" fill="${c.light}" stroke="${c.ink}" stroke-width="5"/>`,
  },
  {
    words: ["leash", "collar", "harness"],
    shows: "a collar and leash",
    draw: (c) =>
      `<circle cx="160" cy="160" r="60" fill="none" stroke="${c.accent}" stroke-width="18"/>` +
      `<circle cx="160" cy="220" r="12" fill="#facc15" stroke="${c.ink}" stroke-width="4"/>` +
      `<path d="M214 130q60-60 110-40" fill="none" stroke="${c.ink}" stroke-width="10" stroke-linecap="round"/>` +
      `<rect x="310" y="72" width="30" height="40" rx="12" fill="none" stroke="${c.ink}" stroke-width="8"/>`,
  },
  {
    words: ["bed"],
    shows: "a cushioned dog bed",
    draw: (c) =>
      `<rect x="80" y="130" width="240" height="100" rx="40" fill="${c.accent}" stroke="${c.ink}" stroke-width="5"/>` +
      `<rect x="115" y="150" width="170" height="55" rx="24" fill="${c.light}" stroke="${c.ink}" stroke-width="4"/>`,
  },
  {
    words: ["crate"],
    shows: "a wire crate",
    draw: (c) =>
      `<rect x="90" y="90" width="220" height="150" rx="8" fill="${c.light}" stroke="${c.ink}" stroke-width="6"/>` +
      `<path d="M130 90v150M170 90v150M210 90v150M250 90v150M290 90v150M90 165h220" stroke="${c.ink}" stroke-width="4"/>`,
  },
  {
    words: ["clippers"],
    shows: "a pair of nail clippers",
    draw: (c) =>
      `<g stroke="${c.ink}" stroke-width="5" stroke-linejoin="round">` +
      `<path d="M120 110l150 40-14 16z" fill="${c.light}"/><path d="M120 190l150-40-14-16z" fill="${c.light}"/>` +
      `<path d="M90 100q30-10 40 10l-10 10q-20-5-30-20zM90 200q30 10 40-10l-10-10q-20 5-30 20z" fill="${c.accent}"/></g>` +
      `<circle cx="200" cy="150" r="10" fill="${c.ink}"/>`,
  },
  {
    words: ["brush"],
    shows: "a grooming brush",
    draw: (c) =>
      `<rect x="110" y="90" width="140" height="90" rx="20" fill="${c.accent}" stroke="${c.ink}" stroke-width="5"/>` +
      `<path d="M130 180v20M155 180v20M180 180v20M205 180v20M230 180v20" stroke="${c.ink}" stroke-width="5"/>` +
      `<rect x="240" y="120" width="90" height="30" rx="15" fill="${c.light}" stroke="${c.ink}" stroke-width="5"/>`,
  },
  {
    words: ["fountain"],
    shows: "a water fountain",
    draw: (c) =>
      `<path d="M110 180h180l-20 60H130z" fill="${c.accent}" stroke="${c.ink}" stroke-width="5" stroke-linejoin="round"/>` +
      `<path d="M200 180v-70" stroke="${c.ink}" stroke-width="8"/><path d="M200 110q-40 10-60 70M200 110q40 10 60 70" fill="none" stroke="#38bdf8" stroke-width="6"/>`,
  },
  {
    words: ["jacket"],
    shows: "a dog jacket",
    draw: (c) =>
      `<path d="M110 110l60-30h60l60 30-20 60-20-10v80H150v-80l-20 10z" fill="${c.accent}" stroke="${c.ink}" stroke-width="5" stroke-linejoin="round"/>` +
      `<path d="M200 90v150" stroke="${c.light}" stroke-width="5"/>`,
  },
];

const parcel: Kind = {
  words: [],
  shows: "a parcel",
  draw: (c) =>
    `<path d="M120 110l80-40 80 40v100l-80 40-80-40z" fill="${c.light}" stroke="${c.ink}" stroke-width="5" stroke-linejoin="round"/>` +
    `<path d="M120 110l80 40 80-40M200 150v100" fill="none" stroke="${c.ink}" stroke-width="5"/>` +
    `<path d="M160 90l80 40" stroke="${c.accent}" stroke-width="10"/>`,
};

/** The kind whose words appear latest in the name ("dog food" is food, "tennis balls" are balls). */
export function kindOf(name: string): Kind {
  const words = name.toLowerCase().split(/\s+/);
  for (let index = words.length - 1; index >= 0; index--) {
    const kind = kinds.find((candidate) => candidate.words.includes(words[index]!));
    if (kind) return kind;
  }
  return parcel;
}

/** The whole SVG for a product; `title` names it for anyone opening the file itself. */
export function productSvg({ title, kind, palette }: { title: string; kind: Kind; palette: Palette }): string {
  const escaped = title.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" width="400" height="300" role="img">`,
    `<title>${escaped}</title>`,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${palette.from}"/><stop offset="1" stop-color="${palette.to}"/></linearGradient></defs>`,
    `<rect width="400" height="300" fill="url(#bg)"/>`,
    `<ellipse cx="200" cy="262" rx="130" ry="14" fill="${palette.ink}" opacity=".08"/>`,
    kind.draw(palette),
    `</svg>`,
    "",
  ].join("\n");
}

export const placeholderKind = parcel;
