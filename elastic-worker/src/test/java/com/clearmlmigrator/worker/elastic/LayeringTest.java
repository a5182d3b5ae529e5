package com.clearmlmigrator.worker.elastic;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.layering.ServiceLayering;

class LayeringTest {
    @Test
    void domainCodeUsesNoInfrastructure() {
        ServiceLayering.of("com.clearmlmigrator.worker.elastic").checkPlain("domain");
    }
}
