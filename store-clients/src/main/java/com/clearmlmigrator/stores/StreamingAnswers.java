package com.clearmlmigrator.stores;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.ContentDecoder;
import org.apache.http.nio.IOControl;
import org.apache.http.nio.protocol.AbstractAsyncResponseConsumer;
import org.apache.http.nio.protocol.HttpAsyncResponseConsumer;
import org.apache.http.protocol.HttpContext;
import org.elasticsearch.client.HttpAsyncResponseConsumerFactory;

/**
 * Hands a successful answer's body to the caller while it arrives ({@link ArrivingBody}), instead of the client's
 * default of buffering the whole answer in memory first (up to 100 MB; a scroll page of plots is larger). Error answers
 * are small and are buffered as usual, so the client turns them into its exceptions and may try another node.
 *
 * <p>One instance per request: the first successful attempt hands its body over; should the client still try again
 * (a retry on another node after the body was handed over), the later answer is read and dropped.
 */
final class StreamingAnswers implements HttpAsyncResponseConsumerFactory {
    static final int BUFFER_BYTES = 256 * 1024;
    private static final int MAX_ERROR_BYTES = 1024 * 1024;

    /** A successful answer's status and the body as it arrives. */
    record Streamed(int status, InputStream body) {}

    private final CompletableFuture<Streamed> handedOver = new CompletableFuture<>();

    CompletableFuture<Streamed> handedOver() {
        return handedOver;
    }

    @Override
    public HttpAsyncResponseConsumer<HttpResponse> createHttpAsyncResponseConsumer() {
        return new Consumer();
    }

    private final class Consumer extends AbstractAsyncResponseConsumer<HttpResponse> {
        private HttpResponse response;
        private ArrivingBody body;
        private ByteArrayOutputStream error;
        private ContentType errorType;
        private final ByteBuffer scratch = ByteBuffer.allocate(8192);

        @Override
        protected void onResponseReceived(HttpResponse answer) {
            this.response = answer;
        }

        @Override
        protected void onEntityEnclosed(HttpEntity entity, ContentType contentType) {
            int status = response.getStatusLine().getStatusCode();
            if (status >= 200 && status < 300 && !handedOver.isDone()) {
                body = new ArrivingBody(BUFFER_BYTES);
                handedOver.complete(new Streamed(status, body));
            } else {
                error = new ByteArrayOutputStream();
                errorType = contentType;
            }
        }

        @Override
        protected void onContentReceived(ContentDecoder decoder, IOControl control) throws IOException {
            if (body != null) {
                body.take(decoder, control);
                return;
            }
            int read;
            while ((read = decoder.read(scratch)) > 0) {
                if (error != null && error.size() < MAX_ERROR_BYTES) {
                    error.write(scratch.array(), 0, read);
                }
                scratch.clear();
            }
        }

        @Override
        protected HttpResponse buildResult(HttpContext context) {
            if (error != null) {
                response.setEntity(new ByteArrayEntity(error.toByteArray(), errorType));
            }
            return response;
        }

        @Override
        protected void releaseResources() {
            if (body != null) {
                Exception cause = getException();
                body.fail(
                        cause instanceof IOException io
                                ? io
                                : new IOException(cause != null ? cause.toString() : "the connection closed early"));
            }
        }
    }
}
