package com.clearmlmigrator.stores;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.List;

import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.Remedy;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a request to Elasticsearch that went wrong means to the operator: a cluster out of reach or refusing TLS, one
 * still recovering its state, write-blocked indices, a refusal worth retrying (429, 5xx) or not. Each sentence names
 * the cluster by its hosts, never by its credentials.
 *
 * @param hosts the cluster's hosts, as the operator gave them
 */
record ElasticFailures(List<String> hosts) {

    TaskFailedException unreachable(IOException e) {
        if (TrustedAuthorities.isTlsFailure(e)) {
            return new TaskFailedException(
                    FailureReason.TARGET_REJECTED,
                    "Elasticsearch at " + hosts + " failed the TLS handshake: " + describe(e) + "."
                            + TrustedAuthorities.ADVICE,
                    e);
        }
        // A cluster that takes the connection and never answers (frozen, or lost in a long collection) is not out of
        // reach: the operator looks at its process, not at the network.
        String away = e instanceof InterruptedIOException ? " did not answer in time: " : " is unreachable: ";
        return new TaskFailedException(
                FailureReason.TARGET_UNAVAILABLE, "Elasticsearch at " + hosts + away + describe(e) + ".", e);
    }

    TaskFailedException rejected(String method, String path, ResponseException e) {
        int status = e.getResponse().getStatusLine().getStatusCode();
        JsonNode body = bodyOf(e.getResponse());
        JsonNode error = body.path("error");
        String reason =
                error.isTextual() ? error.asText() : error.path("reason").asText("");
        String message = "Elasticsearch at " + hosts + " answered " + status + " to " + method + " " + path
                + (reason.isEmpty() ? "." : ": " + reason);
        if (status == 503 && (ClusterStarting.is(error) || ClusterStarting.isMainAnswer(path, body))) {
            return new ClusterStarting.StillStarting(
                    "Elasticsearch at " + hosts + " has not recovered its cluster state yet (it answered 503 to "
                            + method + " " + path + (reason.isEmpty() ? "" : ": " + reason.replaceAll("[;\\s]+$", ""))
                            + "): it has just started, or waits for more of its nodes to join.",
                    e);
        }
        if (WriteBlocks.is(error)) {
            return new TaskFailedException(FailureReason.TARGET_BLOCKED, message + WriteBlocks.ADVICE, Remedy.RETRY, e);
        }
        boolean temporary = status == 429 || status >= 500;
        return new TaskFailedException(
                temporary ? FailureReason.TARGET_UNAVAILABLE : FailureReason.TARGET_REJECTED, message, e);
    }

    private static JsonNode bodyOf(Response response) {
        try (InputStream content = response.getEntity().getContent()) {
            return ElasticClient.JSON.readTree(content);
        } catch (IOException | RuntimeException e) {
            return ElasticClient.JSON.missingNode();
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
