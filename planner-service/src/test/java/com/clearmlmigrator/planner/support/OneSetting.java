package com.clearmlmigrator.planner.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A planner of its own with one setting changed. Quarkus starts one application per profile class, so a test that needs
 * a differently configured planner names a subclass of this one, which says the setting in its constructor.
 */
public abstract class OneSetting implements QuarkusTestProfile {
    private final Map<String, String> setting;

    protected OneSetting(String key, String value) {
        setting = Map.of(key, value);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return setting;
    }
}
