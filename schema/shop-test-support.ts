// Test-only helpers for the cart and order rule tests (schema/orders.fsl): products
// made by an operator (admin), shoppers with their own tokens, and the UDF calls.
import { fql, type QueryOptions, type QueryValue, type TimeStub } from "fauna";
import { queryAs, signedInShopper, uniqueEmail, type TestFauna } from "./test-support.ts";

export type Shopper = { token: string; id: string; email: string };

export type Address = { street: string; city: string; state: string; postalCode: string; country: string };

export const ADDRESS: Address = {
  street: "1600 Pennsylvania Avenue NW",
  city: "Washington",
  state: "DC",
  postalCode: "20500",
  country: "USA",
};

export type StockState = { quantity: number; backordered: boolean; price: number };

export async function newShopper(fauna: TestFauna, label = "shopper"): Promise<Shopper> {
  const email = uniqueEmail(label);
  const token = await signedInShopper(fauna, email);
  const id = await queryAs<string>(fauna, token, fql`Query.identity()!.id`);
  return { token, id, email };
}

let productCounter = 0;

/** A product of the first store, created by an operator, with the stock a test needs. */
export async function newProduct(
  fauna: TestFauna,
  {
    quantity,
    backorderLimit = 0,
    price = 10,
    backordered = false,
  }: { quantity: number; backorderLimit?: number; price?: number; backordered?: boolean },
): Promise<string> {
  const name = `test product ${process.pid}-${++productCounter}`;
  const { data } = await fauna.admin.query<string>(fql`
    Product.create({
      name: ${name},
      description: "made by a test",
      price: ${price},
      quantity: ${quantity},
      backorderLimit: ${backorderLimit},
      backordered: ${backordered},
      store: Store.all().first()
    }).id
  `);
  return data;
}

export const stockOf = async (fauna: TestFauna, productId: string) =>
  (await fauna.admin.query<StockState>(fql`Product.byId(${productId})! { quantity, backordered, price }`)).data;

export const setPrice = (fauna: TestFauna, productId: string, price: number) =>
  fauna.admin.query(fql`Product.byId(${productId})!.update({ price: ${price} })`);

export type CartSummary = { cartId: string | null; itemCount: number };

export const addToCart = (
  fauna: TestFauna,
  shopper: Shopper,
  productId: string,
  quantity: number,
  options?: QueryOptions,
) => queryAs<CartSummary>(fauna, shopper.token, fql`AddToCart(${productId}, ${quantity})`, options);

export const updateCartItem = (
  fauna: TestFauna,
  shopper: Shopper,
  productId: string,
  quantity: number,
  options?: QueryOptions,
) => queryAs<CartSummary>(fauna, shopper.token, fql`UpdateCartItem(${productId}, ${quantity})`, options);

export const checkout = (fauna: TestFauna, shopper: Shopper, address: QueryValue = ADDRESS, options?: QueryOptions) =>
  queryAs<{ orderId: string; total: number }>(fauna, shopper.token, fql`Checkout(${address})`, options);

export const cancelOrder = (fauna: TestFauna, shopper: Shopper, orderId: string) =>
  queryAs<{ orderId: string; status: string }>(fauna, shopper.token, fql`CancelOrder(${orderId})`);

export type CartLine = { productId: string; quantity: number };

/** The shopper's cart lines, read by an operator (so the read rules cannot hide any). */
export async function cartLines(fauna: TestFauna, shopper: Shopper): Promise<CartLine[]> {
  const { data } = await fauna.admin.query<CartLine[]>(fql`
    let cart = Order.byCartOwner(Customer.byId(${shopper.id})).first()
    if (cart == null) [] else OrderItem.byOrder(cart!).map(item => { productId: item.product.id, quantity: item.quantity }).toArray()
  `);
  return data.sort((a, b) => a.productId.localeCompare(b.productId));
}

export type StoredOrder = {
  status: string;
  total: number | null;
  placedAt: TimeStub | null;
  shippingAddress: Address | null;
  payment: { method: string } | null;
  lines: { productId: string; quantity: number; unitPrice: number | null; productName: string | null }[];
};

export async function storedOrder(fauna: TestFauna, orderId: string): Promise<StoredOrder> {
  const { data } = await fauna.admin.query<StoredOrder>(fql`
    let order = Order.byId(${orderId})!
    {
      status: order.status,
      total: order.total,
      placedAt: order.placedAt,
      shippingAddress: order.shippingAddress,
      payment: order.payment,
      lines: OrderItem.byOrder(order).map(item => {
        productId: item.product.id,
        quantity: item.quantity,
        unitPrice: item.unitPrice,
        productName: item.productName
      }).toArray()
    }
  `);
  data.lines.sort((a, b) => a.productId.localeCompare(b.productId));
  return data;
}
