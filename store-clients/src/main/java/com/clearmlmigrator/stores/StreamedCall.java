package com.clearmlmigrator.stores;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.elasticsearch.client.Cancellable;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;

/**
 * One request whose answer is read while it arrives ({@link StreamingAnswers}). The low-level client's synchronous call
 * would buffer the whole answer first, so the call is made asynchronously and its body handed to the reader as soon as
 * it starts; a reader that stops early cancels the rest of the answer.
 */
final class StreamedCall {
    private final RestClient rest;
    private final ElasticFailures failures;

    StreamedCall(RestClient rest, ElasticFailures failures) {
        this.rest = rest;
        this.failures = failures;
    }

    <T> T read(Request request, ElasticClient.AnswerReader<T> reader) {
        StreamingAnswers answers = new StreamingAnswers();
        request.setOptions(RequestOptions.DEFAULT.toBuilder().setHttpAsyncResponseConsumerFactory(answers));
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Cancellable call = rest.performRequestAsync(request, new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
                // An answer without a body hands nothing over by itself.
                answers.handedOver()
                        .complete(new StreamingAnswers.Streamed(
                                response.getStatusLine().getStatusCode(), InputStream.nullInputStream()));
                ended.complete(null);
            }

            @Override
            public void onFailure(Exception failure) {
                answers.handedOver().completeExceptionally(failure);
                ended.completeExceptionally(failure);
            }
        });
        try (InputStream content = awaitBody(answers, request.getMethod(), request.getEndpoint())) {
            return reader.read(content);
        } catch (IOException e) {
            throw failures.unreachable(e);
        } finally {
            if (!ended.isDone()) {
                call.cancel();
            }
        }
    }

    private InputStream awaitBody(StreamingAnswers answers, String method, String path) throws IOException {
        try {
            return answers.handedOver().get().body();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResponseException refused) {
                throw failures.rejected(method, path, refused);
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for Elasticsearch to answer");
        }
    }
}
