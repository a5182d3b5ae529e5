package com.clearmlmigrator.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/** The Helm chart rendered as `helm template` renders it, and read as the Kubernetes API's objects. */
record RenderedChart(List<HasMetadata> objects) {
    static final Path CHART = Repository.ROOT.resolve("deploy/helm/clearml-migrator");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment", Deployment.class,
            "Service", Service.class,
            "Secret", Secret.class,
            "Job", Job.class,
            "PersistentVolumeClaim", PersistentVolumeClaim.class);

    /** What the chart renders for a release {@code migrator} in namespace {@code clearml} with these values set. */
    static RenderedChart with(Map<String, Object> values) {
        TemplateCommand template =
                new Helm(CHART).template().withName("migrator").withNamespace("clearml");
        values.forEach(template::set);
        return read(template.call());
    }

    static RenderedChart read(String manifests) {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(manifests)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isEmpty()) {
                    continue;
                }
                String kind = document.path("kind").asText();
                Class<? extends HasMetadata> type = KINDS.get(kind);
                if (type == null) {
                    throw new AssertionError("The chart renders a " + kind + ", which these checks do not know");
                }
                HasMetadata object = YAML.treeToValue(document, type);
                requireKnownFields(object, kind + " " + object.getMetadata().getName());
                objects.add(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedChart(objects);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream()
                .filter(object -> object.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name + " in " + names()));
    }

    List<String> names() {
        return objects.stream()
                .map(object -> object.getKind() + "/" + object.getMetadata().getName())
                .toList();
    }

    /**
     * A field the Kubernetes API does not know (a misspelt {@code readinesProbe}, a key at the wrong depth) is kept in
     * the model's additional properties, where the API server would reject or silently drop it: none may be there.
     */
    private static void requireKnownFields(Object value, String path) {
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                requireKnownFields(item, path + "[" + index++ + "]");
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> requireKnownFields(item, path + "." + key));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    throw new AssertionError("Fields Kubernetes does not know at " + path + ": " + unknown.keySet());
                }
                continue;
            }
            requireKnownFields(field, path + "." + getter.getName().substring(3));
        }
    }

    private static Object invoke(Method getter, Object value) {
        try {
            return getter.invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " of " + value.getClass(), e);
        }
    }
}
