package com.clearmlmigrator.synthetic;

/** Which ClearML server generation wrote the Elasticsearch data. */
public enum ElasticEra {
    /** ClearML (trains) server 0.15 and older on ES 5.6: typed documents, events routed by task id. */
    ES5,
    /** ClearML server 0.16 to 1.16 on ES 7: typeless, no routing, compressed large plots. */
    ES7
}
