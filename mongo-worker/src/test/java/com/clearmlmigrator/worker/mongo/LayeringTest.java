package com.clearmlmigrator.worker.mongo;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.layering.ServiceLayering;

class LayeringTest {
    @Test
    void featureAndDomainCodeUsesNoInfrastructure() {
        ServiceLayering.of("com.clearmlmigrator.worker.mongo").check();
    }
}
