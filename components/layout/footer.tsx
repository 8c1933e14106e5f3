export function Footer() {
  return (
    <footer className="border-t border-neutral-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-8 text-sm text-neutral-500 sm:flex-row sm:justify-between sm:px-6 lg:px-8">
        <p>© {new Date().getFullYear()} Storefront. Demo shop — no real orders are placed.</p>
        <p>Powered by Next.js and Fauna.</p>
      </div>
    </footer>
  );
}
