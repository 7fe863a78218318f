/** Ed25519 sizes in bytes, apart from the implementation so that code that only reads keys need not load it. */
export const SEED_BYTES = 32;
export const PUBLIC_KEY_BYTES = 32;
export const SECRET_KEY_BYTES = 64;
export const SIGNATURE_BYTES = 64;
