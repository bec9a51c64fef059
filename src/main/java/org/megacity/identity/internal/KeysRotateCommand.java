package org.megacity.identity.internal;

import org.springframework.stereotype.Component;

/**
 * {@code ./megacity keys rotate [--data DIR]}: adds a new data-encryption key and makes it the
 * active one. Old keys stay and still decrypt; {@code FieldCipher#reencrypt} moves a value to the
 * new key. Running servers pick the key up when they first meet a value sealed under it, and
 * encrypt under it after a restart.
 */
@Component
class KeysRotateCommand implements org.megacity.platform.CliCommand {

    private final AesGcmFieldCipher cipher;

    KeysRotateCommand(AesGcmFieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String name() {
        return "keys rotate";
    }

    @Override
    public String summary() {
        return "Add a new active data-encryption key (old keys still decrypt)";
    }

    @Override
    public int run(Invocation invocation) {
        int id = cipher.rotate();
        invocation.out().println("ok: data-encryption key " + id + " is now active (keys/field-key-" + id + ".key)");
        return 0;
    }
}
