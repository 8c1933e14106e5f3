import { fql, type Client } from "fauna";
import type { SeedStore } from "../data/catalog.ts";

// Creates each store with all of its products in one transaction, skipping stores
// that already exist: a store is either fully seeded or absent, so re-runs write nothing.
// Each product's fields are listed, not Object.assign()ed: a typechecked Fauna types
// Object.assign's result as a record with a wildcard (`{ *: … }`), which Product.create refuses.
export async function seedCatalog(client: Client, stores: SeedStore[]) {
  let storesCreated = 0;
  let productsCreated = 0;
  for (const { products, ...store } of stores) {
    const { data: created } = await client.query<boolean>(fql`
      if (Store.byName(${store.name}).isEmpty()) {
        let store = Store.create(${store})
        ${products}.forEach(product => Product.create({
          name: product.name,
          description: product.description,
          price: product.price,
          quantity: product.quantity,
          backorderLimit: product.backorderLimit,
          backordered: product.backordered,
          store: store
        }))
        true
      } else {
        false
      }
    `);
    if (created) {
      storesCreated += 1;
      productsCreated += products.length;
    }
  }
  return { storesCreated, productsCreated };
}
