"use client";

import type { StoreSummary } from "@/lib/fauna/types";

/** The "Store" filter; picking a store submits the search form (without JavaScript, its button does). */
export function StoreSelect({ stores, current }: { stores: StoreSummary[]; current: string | null }) {
  return (
    <div className="min-w-0">
      <label htmlFor="catalog-store" className="block text-sm font-medium text-neutral-900">
        Store
      </label>
      <select
        id="catalog-store"
        name="store"
        defaultValue={current ?? ""}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="mt-1.5 block h-10 w-full rounded-md border border-neutral-300 bg-white px-3 text-sm text-neutral-900 shadow-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
      >
        <option value="">All stores</option>
        {stores.map((store) => (
          <option key={store.id} value={store.id}>
            {store.name}
          </option>
        ))}
      </select>
    </div>
  );
}
