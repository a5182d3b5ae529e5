package com.clearmlmigrator.layering.sample.circular.relink;

import com.clearmlmigrator.layering.sample.circular.undo.Undo;

/** A feature that needs another feature, which needs it back. */
public class Relink {
    public Undo reverse() {
        return new Undo();
    }
}
