package com.clearmlmigrator.cli.files;

import java.io.IOException;

/** A state file written by someone else while the relink rewrote it: the relink leaves it as it is. */
final class WrittenMeanwhileException extends IOException {
    WrittenMeanwhileException() {
        super("written while it was relinked (is ClearML still running?); left as it is, run the relink again");
    }
}
