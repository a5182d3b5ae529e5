package com.clearmlmigrator.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering every service keeps (STYLE.md, "The domain does not know the infrastructure"): the packages that hold
 * its features and domain are plain Java. They may use CDI annotations, Jackson as a data model, logging and our own
 * plain modules (contracts, link-rewriter), but never Quarkus, SmallRye, MicroProfile, Kafka, the MongoDB or
 * Elasticsearch clients, nor the service's own api, adapter, messaging, persistence or config packages, which wire the
 * domain to the world. Each service's test runs this on its own compiled classes, so a violation fails the build.
 */
public final class ServiceLayering {
    /** Libraries only the outer packages may use. */
    static final List<String> INFRASTRUCTURE = List.of(
            "io.quarkus..",
            "io.smallrye..",
            "org.eclipse.microprofile..",
            "io.vertx..",
            "org.apache.kafka..",
            "com.mongodb..",
            "org.bson..",
            "org.elasticsearch..",
            "co.elastic..",
            "org.apache.http..");

    /** A service's packages that wire its domain to HTTP, Kafka, the stores and configuration. */
    static final List<String> OUTER = List.of("api", "adapter", "messaging", "persistence", "config");

    private final String servicePackage;

    private ServiceLayering(String servicePackage) {
        this.servicePackage = servicePackage;
    }

    /** @param servicePackage the root package of one service, such as {@code com.clearmlmigrator.planner} */
    public static ServiceLayering of(String servicePackage) {
        return new ServiceLayering(servicePackage);
    }

    /**
     * Fails, naming every offending dependency, when a class outside the service's outer packages (its features, its
     * domain, its ports) uses infrastructure or an outer package, or when its feature and domain packages depend on
     * each other in a cycle (a feature that needs another, which needs it back, is one feature split in two or a
     * model in the wrong place). A new package is checked without being named here.
     */
    public void check() {
        check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(servicePackage));
    }

    /** The same check over classes already imported. */
    void check(JavaClasses classes) {
        String[] outer =
                OUTER.stream().map(p -> servicePackage + "." + p + "..").toArray(String[]::new);
        String[] forbidden =
                Stream.concat(INFRASTRUCTURE.stream(), Arrays.stream(outer)).toArray(String[]::new);
        noClasses()
                .that()
                .resideInAPackage(servicePackage + "..")
                .and()
                .resideOutsideOfPackages(outer)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden)
                .because("feature and domain code is plain Java behind ports, unit-tested without servers")
                .check(classes);
        // Among the outer packages, wiring goes both ways (config builds adapters that read config), so only the
        // features and the domain are held to one direction.
        slices().matching(servicePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("a reader should find the dependencies between features going one way")
                .check(classes.that(JavaClass.Predicates.resideOutsideOfPackages(outer)));
    }
}
