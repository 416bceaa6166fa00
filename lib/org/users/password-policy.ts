import { z } from "zod";

// NIST SP 800-63B / OWASP ASVS: length limits and a block list of the most common passwords, no
// composition rules ("one digit, one symbol…"), which only push people to predictable patterns.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

// The most common passwords of at least 8 characters in public breach corpora (shorter ones already
// fail the length rule). Compared case-insensitively.
const COMMON_PASSWORDS = new Set([
  "password", "password1", "password12", "password123", "password1234", "password!", "passw0rd", "p@ssw0rd", "p@ssword",
  "12345678", "123456789", "1234567890", "12345678910", "0123456789", "87654321", "987654321", "9876543210",
  "11111111", "00000000", "22222222", "55555555", "66666666", "77777777", "88888888", "99999999", "12121212",
  "12341234", "11223344", "123123123", "123456789a", "a1234567", "abc12345", "abcd1234", "1234abcd", "1234qwer",
  "qwertyui", "qwertyuiop", "qwerty12", "qwerty123", "qwerty1234", "1q2w3e4r", "1q2w3e4r5t", "q1w2e3r4", "q1w2e3r4t5",
  "1qaz2wsx", "zaq12wsx", "zaq1zaq1", "asdfghjk", "asdfghjkl", "asdfasdf", "zxcvbnm1", "zxcvbnm123", "123qweasd",
  "qweasdzxc", "iloveyou", "iloveyou1", "sunshine", "princess", "football", "baseball", "basketball", "welcome1",
  "welcome123", "letmein1", "letmein123", "trustno1", "superman", "starwars", "whatever", "internet", "computer",
  "michelle", "jennifer", "charlie1", "monkey123", "dragon123", "master123", "shadow123", "admin123", "administrator",
  "changeme", "changeme1", "login123", "secret123", "access14", "mustang1", "jordan23", "liverpool", "chelsea1",
  "aaaaaaaa", "abcdefgh", "abcdefg1", "flowright", "flowright1", "flowright-demo",
]);

/** Whether a password is on the block list of very common passwords (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** A new password: 8–128 characters and not one of the most common ones. Any characters allowed. */
export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`)
  .refine((password) => !isCommonPassword(password), "This password is too common; choose another one");
