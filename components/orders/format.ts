// Dates on order pages: the server renders them, so one fixed zone (UTC) keeps
// the text identical for every shopper and in tests.
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const formatOrderTime = (date: Date) => `${dateTime.format(date)} UTC`;

export const itemsLabel = (count: number) => `${count} ${count === 1 ? "item" : "items"}`;
