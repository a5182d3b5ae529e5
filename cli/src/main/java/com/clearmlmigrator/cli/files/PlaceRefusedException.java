package com.clearmlmigrator.cli.files;

import java.io.IOException;

/** A place of state files that refused a read or a write, with a sentence the operator can act on. */
final class PlaceRefusedException extends IOException {
    PlaceRefusedException(String sentence) {
        super(sentence);
    }
}
