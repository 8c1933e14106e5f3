// File names inside a data directory.
export const DB_FILE = "fauna.db";
