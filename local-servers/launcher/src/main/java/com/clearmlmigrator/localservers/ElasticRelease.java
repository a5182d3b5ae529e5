package com.clearmlmigrator.localservers;

import java.util.Arrays;

/** The Elasticsearch releases the project runs from Maven Central's jars, each in its module of local-servers/. */
public enum ElasticRelease {
    ES_5_6_16("5.6.16", ServerRecipes.ELASTIC_5),
    /** ClearML 0.16's release: an ES 7 folder it writes opens in every ClearML on ES 7. */
    ES_7_6_2("7.6.2", ServerRecipes.ELASTIC_7_6),
    ES_7_10_2("7.10.2", ServerRecipes.ELASTIC_7),
    /** ClearML 1.16's release: opens the ES 7 folders of every ClearML on ES 7 (the Helm chart's 7.17.3 among them). */
    ES_7_17_18("7.17.18", ServerRecipes.ELASTIC_7_17),
    /** ClearML 1.17's release: an ES 8 folder it writes opens in every ClearML from 1.17 on. */
    ES_8_15_3("8.15.3", ServerRecipes.ELASTIC_8);

    private final String version;
    private final String module;

    ElasticRelease(String version, String module) {
        this.version = version;
        this.module = module;
    }

    public String version() {
        return version;
    }

    String module() {
        return module;
    }

    public static ElasticRelease of(String version) {
        return Arrays.stream(values())
                .filter(release -> release.version.equals(version))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Elasticsearch " + version + " here"));
    }
}
