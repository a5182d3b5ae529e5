package com.clearmlmigrator.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a successful task found or did; one record type per task type, told apart by the {@code kind} property. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CollectionInspection.class, name = "collection-inspection"),
    @JsonSubTypes.Type(value = IndexInspection.class, name = "index-inspection"),
    @JsonSubTypes.Type(value = RelinkReport.class, name = "relink"),
    @JsonSubTypes.Type(value = CopyReport.class, name = "copy")
})
public sealed interface TaskReport permits CollectionInspection, IndexInspection, RelinkReport, CopyReport {}
