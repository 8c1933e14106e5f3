type Props = {
  label: string;
  name: string;
  type: "email" | "password" | "text";
  autoComplete: string;
  defaultValue?: string;
  /** Makes the input controlled (React's form reset then leaves it alone). */
  value?: string;
  errors?: string[];
  hint?: string;
  onChange?: (value: string) => void;
  children?: React.ReactNode;
};

// The error (or else the hint) describes the input, so a screen reader reads it when
// the input gets focus — the sign-up form moves focus to the first invalid field.
export function FormField({
  label,
  name,
  type,
  autoComplete,
  defaultValue,
  value,
  errors,
  hint,
  onChange,
  children,
}: Props) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-neutral-900">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={value === undefined ? defaultValue : undefined}
        value={value}
        onChange={onChange ? (event) => onChange(event.target.value) : undefined}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : hint ? hintId : undefined}
        className="mt-1.5 block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-neutral-900 shadow-xs placeholder:text-neutral-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none aria-invalid:border-red-500"
      />
      {invalid ? (
        <p id={errorId} className="mt-1.5 text-sm text-red-600">
          {errors?.join(" ")}
        </p>
      ) : hint ? (
        <p id={hintId} className="mt-1.5 text-sm text-neutral-500">
          {hint}
        </p>
      ) : null}
      {children}
    </div>
  );
}
