package com.clearmlmigrator.layering.sample.tidy.relink;

/** A port, as features declare them. */
public interface DocumentSource {
    String next();
}
