import "server-only";
import { DocumentReference, fql, type NullDocument } from "fauna";
import { lineTotal, sumOf } from "../money";
import { orderableQuantity } from "../stock";
import { withShopperToken } from "./client";
import type { Cart, CartLine } from "./order-types";
import { withShopRules } from "./shop-errors";

type RawLine = {
  quantity: number;
  product: { id: string; name: string; price: number; quantity: number; backorderLimit: number } | null;
  // A deleted product's reference, only to learn its id (see schema/orders.fsl, Checkout).
  missing: NullDocument | null;
};

// The caller's cart: `customer` role reads only their own Order and OrderItem documents.
const cartLinesQuery = fql`
  let me: Any = Query.identity()
  let cart: Any = Order.byCartOwner(me).first()
  if (cart == null) [] else OrderItem.byOrder(cart).map(item => {
    let line: Any = item
    let product: Any = line.product
    {
      quantity: line.quantity,
      product: if (product != null) product { id, name, price, quantity, backorderLimit } else null,
      missing: if (product == null) line.product else null
    }
  }).toArray()
`;

function toCartLine({ quantity, product, missing }: RawLine): CartLine {
  if (!product) {
    const productId = missing?.ref instanceof DocumentReference ? missing.ref.id : "";
    return { productId, name: null, unitPrice: null, quantity, lineTotal: 0, orderable: 0 };
  }
  return {
    productId: product.id,
    name: product.name,
    unitPrice: product.price,
    quantity,
    lineTotal: lineTotal(product.price, quantity),
    orderable: orderableQuantity(product),
  };
}

/** The signed-in shopper's cart at today's prices (empty when they have none). */
export async function getCart(tokenSecret: string): Promise<Cart> {
  const { data } = await withShopperToken(tokenSecret, (client) => client.query<RawLine[]>(cartLinesQuery));
  const lines = data.map(toCartLine);
  return {
    lines,
    itemCount: lines.reduce((count, line) => count + line.quantity, 0),
    total: sumOf(lines.map((line) => line.lineTotal)),
  };
}

/** How many units are in the shopper's cart, for the header. */
export async function getCartItemCount(tokenSecret: string): Promise<number> {
  const { data } = await withShopperToken(tokenSecret, (client) =>
    client.query<number>(fql`
      let me: Any = Query.identity()
      let cart: Any = Order.byCartOwner(me).first()
      if (cart == null) 0 else OrderItem.byOrder(cart).fold(0, (count, item) => count + item.quantity)
    `),
  );
  return data;
}

type CartSummary = { itemCount: number };

/** Adds units of a product to the shopper's cart (AddToCart). Throws ShopRuleError when refused. */
export async function addToCart(tokenSecret: string, productId: string, quantity: number): Promise<CartSummary> {
  const { data } = await withShopRules(() =>
    withShopperToken(tokenSecret, (client) => client.query<CartSummary>(fql`AddToCart(${productId}, ${quantity})`)),
  );
  return { itemCount: data.itemCount };
}

/** Sets a cart line's quantity; 0 removes it (UpdateCartItem). Throws ShopRuleError when refused. */
export async function updateCartItem(tokenSecret: string, productId: string, quantity: number): Promise<CartSummary> {
  const { data } = await withShopRules(() =>
    withShopperToken(tokenSecret, (client) =>
      client.query<CartSummary>(fql`UpdateCartItem(${productId}, ${quantity})`),
    ),
  );
  return { itemCount: data.itemCount };
}
