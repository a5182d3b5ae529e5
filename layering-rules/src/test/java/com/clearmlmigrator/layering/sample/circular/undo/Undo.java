package com.clearmlmigrator.layering.sample.circular.undo;

import com.clearmlmigrator.layering.sample.circular.relink.Relink;

/** The other half of the cycle. */
public class Undo {
    public Relink of() {
        return new Relink();
    }
}
