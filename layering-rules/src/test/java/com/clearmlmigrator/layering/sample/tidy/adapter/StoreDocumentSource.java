package com.clearmlmigrator.layering.sample.tidy.adapter;

import com.clearmlmigrator.layering.sample.tidy.relink.DocumentSource;

/** An adapter implements the feature's port: outer depends on inner. */
public class StoreDocumentSource implements DocumentSource {
    @Override
    public String next() {
        return "document";
    }
}
