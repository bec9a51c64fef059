package org.megacity.identity;

/**
 * Encrypts personal data field by field before it is stored (citizens' names, phone numbers, ID
 * numbers, addresses), with AES-256-GCM: a fresh random 96-bit IV per value, a 128-bit
 * authentication tag, and the id of the key in the stored text, so that keys can be rotated
 * ({@code ./megacity keys rotate}) while values sealed under older keys still decrypt.
 *
 * <p>The stored form is ASCII: {@code v1.<keyId>.<base64url(iv ‖ ciphertext ‖ tag)>}, about
 * 4/3 of the UTF-8 length plus 40 characters. Encryption is randomised: the same value encrypts
 * differently each time, so an encrypted column cannot be searched by equality; store a keyed hash
 * beside it when a module needs to look values up.
 */
public interface FieldCipher {

    /**
     * Seals a value under the active key; {@code null} stays {@code null}.
     *
     * @throws IllegalArgumentException when the text is not valid Unicode (an unpaired surrogate)
     */
    String encrypt(String plaintext);

    /**
     * Opens a sealed value; {@code null} stays {@code null}.
     *
     * @throws IllegalArgumentException when the text is not a sealed value, names an unknown key,
     *                                  or fails authentication (it was altered)
     */
    String decrypt(String sealed);

    /** Opens a value and seals it again under the active key, or returns it as it is if it already is. */
    String reencrypt(String sealed);

    /** Whether the value is sealed under the active key (else {@link #reencrypt} would change it). */
    boolean isCurrent(String sealed);
}
