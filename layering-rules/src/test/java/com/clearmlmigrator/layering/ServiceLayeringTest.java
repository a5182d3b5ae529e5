package com.clearmlmigrator.layering;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;

class ServiceLayeringTest {
    private static final String SAMPLES = "com.clearmlmigrator.layering.sample.";

    @Test
    void passesWhenOnlyAdaptersDependOnFeatures() {
        String service = SAMPLES + "tidy";
        assertThatCode(() -> ServiceLayering.of(service).check(new ClassFileImporter().importPackages(service)))
                .doesNotThrowAnyException();
    }

    @Test
    void failsNamingTheFeatureClassThatCallsAnAdapter() {
        String service = SAMPLES + "tangled";
        assertThatThrownBy(() -> ServiceLayering.of(service).check(new ClassFileImporter().importPackages(service)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Relinker.relinkOne()")
                .hasMessageContaining("StoreClient");
    }

    @Test
    void failsNamingTwoPackagesThatDependOnEachOther() {
        String service = SAMPLES + "circular";
        assertThatThrownBy(() -> ServiceLayering.of(service).check(new ClassFileImporter().importPackages(service)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("relink")
                .hasMessageContaining("undo");
    }
}
