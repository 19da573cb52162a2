import { z } from "zod";

/**
 * A whole number in a query string, written in decimal digits only: `0x2b65`, `1e3`, ` 12`, `+3`
 * and an empty value are refused (400), not read as numbers the way `Number()` would read them.
 *
 * @example
 *   wholeNumber("k", 1, 50).parse("12") // → 12
 *   wholeNumber("k", 1, 50).safeParse("0x10").success // → false
 */
export const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string({ error: `${name} must be a whole number` })
    .regex(/^\d{1,15}$/u, `${name} must be a whole number written in digits`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `${name} must be at least ${min}`)
        .max(max, `${name} must be at most ${max}`),
    );
