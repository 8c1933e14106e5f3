// Prettier for the whole repository: the style the code was written in (double quotes,
// semicolons, trailing commas, lines up to 120 columns); Tailwind classes in canonical order.
/** @type {import("prettier").Config} */
const config = {
  printWidth: 120,
  plugins: ["prettier-plugin-tailwindcss"],
  tailwindStylesheet: "./app/globals.css",
};

export default config;
