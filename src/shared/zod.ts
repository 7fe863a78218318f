import { z } from 'zod';

// The strict Content-Security-Policy forbids eval, so zod must not compile validators.
z.config({ jitless: true });

export { z };
