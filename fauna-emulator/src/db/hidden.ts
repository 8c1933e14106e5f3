// Engine-private stored fields (password and secret hashes): prefixed so they can never be
// written by users nor rendered.
export const HIDDEN = "\u0000";
export const SECRET_HASH = `${HIDDEN}secret`;
export const PASSWORD_HASH = `${HIDDEN}password`;
