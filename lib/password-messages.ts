// The password limits and the sentences shoppers read; light enough to import anywhere.

export const PASSWORD_MIN_BYTES = 8;
// bcrypt ignores everything after 72 bytes.
export const PASSWORD_MAX_BYTES = 72;
// zxcvbn's 0–4 scale; 3 is "safely unguessable".
export const PASSWORD_MIN_SCORE = 3;

export const passwordMessages = {
  missing: "Choose a password.",
  tooShort: `Use at least ${PASSWORD_MIN_BYTES} characters.`,
  tooLong: `Use at most ${PASSWORD_MAX_BYTES} bytes (fewer characters if it has accents or emoji).`,
  weak: "This password is too easy to guess. Add another word or two; uncommon words are best.",
  common: "This is a commonly used password. Add another word or two; uncommon words are best.",
  personal: "Don't build your password from your email address.",
} as const;
