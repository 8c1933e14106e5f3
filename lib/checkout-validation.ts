// Form input for the cart, checkout and order actions. Fauna checks all of it again
// (schema/orders.fsl); these give shoppers field-level messages before a round trip.
import { z } from "zod";
import { MAX_LINE_QUANTITY } from "./stock";

export const addressFields = ["street", "city", "state", "postalCode", "country"] as const;
export type AddressField = (typeof addressFields)[number];
export type ShippingAddress = Record<AddressField, string>;

const line = (label: string, max: number) =>
  z
    .string({ error: `Enter your ${label}.` })
    .trim()
    .min(1, { error: `Enter your ${label}.` })
    .max(max, { error: `Use at most ${max} characters.` });

// The limits match ShippingAddressOrAbort in schema/orders.fsl.
export const addressSchema = z.object({
  street: line("street address", 200),
  city: line("city", 100),
  state: line("state or region", 100),
  postalCode: line("postal code", 20),
  country: line("country", 100),
});

export const addressMessages: Record<AddressField, string> = {
  street: "Enter your street address.",
  city: "Enter your city.",
  state: "Enter your state or region.",
  postalCode: "Enter a postal code of at most 20 characters.",
  country: "Enter your country.",
};

export type AddressErrors = Partial<Record<AddressField, string[]>>;

export function addressErrorsOf(error: z.ZodError): AddressErrors {
  return z.flattenError(error).fieldErrors as AddressErrors;
}

export function addressFrom(formData: FormData): Record<AddressField, string> {
  return Object.fromEntries(
    addressFields.map((field) => [field, String(formData.get(field) ?? "")]),
  ) as ShippingAddress;
}

/** A Fauna document id as it appears in URLs and forms. */
export const documentId = z.string().regex(/^\d{1,19}$/);

const quantityMessage = `Choose a quantity from 1 to ${MAX_LINE_QUANTITY}.`;

/** 1–99 for adding; 0 also allowed where it means "remove". */
export const quantitySchema = (min: 0 | 1) =>
  z
    .string({ error: quantityMessage })
    .trim()
    .regex(/^\d{1,3}$/, { error: quantityMessage })
    .transform(Number)
    .pipe(z.number().min(min, { error: quantityMessage }).max(MAX_LINE_QUANTITY, { error: quantityMessage }));

export const cartLineSchema = (min: 0 | 1) => z.object({ productId: documentId, quantity: quantitySchema(min) });
