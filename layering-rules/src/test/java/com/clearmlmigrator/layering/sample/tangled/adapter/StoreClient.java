package com.clearmlmigrator.layering.sample.tangled.adapter;

/** Store I/O, which a feature must reach through a port only. */
public class StoreClient {
    public String read() {
        return "document";
    }
}
