package com.clearmlmigrator.planner;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.layering.ServiceLayering;

class LayeringTest {
    @Test
    void domainCodeUsesNoInfrastructure() {
        ServiceLayering.of("com.clearmlmigrator.planner").checkPlain("domain");
    }
}
