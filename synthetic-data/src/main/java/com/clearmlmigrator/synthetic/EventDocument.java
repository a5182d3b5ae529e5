package com.clearmlmigrator.synthetic;

import java.util.Map;

/**
 * One Elasticsearch document as ClearML stored it.
 *
 * @param index   index name
 * @param type    mapping type on ES 5.6 ({@code event}, {@code stat}, {@code metrics}); null on ES 7
 * @param id      document id
 * @param routing routing value (the task id of ES 5.6 events); null when none
 * @param source  the document body
 */
public record EventDocument(String index, String type, String id, String routing, Map<String, Object> source) {}
