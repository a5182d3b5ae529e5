package com.clearmlmigrator.layering.sample.tangled.relink;

import com.clearmlmigrator.layering.sample.tangled.adapter.StoreClient;

/** A feature that calls an adapter directly: the violation the rule exists to catch. */
public class Relinker {
    public String relinkOne() {
        return new StoreClient().read();
    }
}
