import { FormField } from "./form-field";

/** The email input both auth forms share; keeps what the shopper typed after a failed submit. */
export function EmailField({ defaultValue, errors }: { defaultValue?: string; errors?: string[] }) {
  return (
    <FormField
      label="Email"
      name="email"
      type="email"
      autoComplete="email"
      defaultValue={defaultValue}
      errors={errors}
    />
  );
}
