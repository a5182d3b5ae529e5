package com.clearmlmigrator.stores;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.http.nio.ContentDecoder;
import org.apache.http.nio.IOControl;

/**
 * An answer's body as it arrives: the client's I/O thread puts bytes in, the caller reads them out. The buffer has a
 * fixed size; when it is full the connection stops reading from the socket until the caller has made room, so an
 * answer of any size passes through the same memory. A failure of the exchange is thrown to the reader once it has read
 * what arrived before it, never taken for the end of the answer.
 */
final class ArrivingBody extends InputStream {
    private final ByteBuffer buffer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private IOControl io;
    private boolean suspended;
    private boolean ended;
    private IOException failure;

    ArrivingBody(int capacity) {
        this.buffer = ByteBuffer.allocate(capacity);
    }

    /** On the I/O thread: takes what the decoder has, and pauses the connection when the buffer is full. */
    void take(ContentDecoder decoder, IOControl control) throws IOException {
        lock.lock();
        try {
            io = control;
            while (buffer.hasRemaining() && decoder.read(buffer) > 0) {
                // take as much as fits
            }
            if (decoder.isCompleted()) {
                ended = true;
            } else if (!buffer.hasRemaining()) {
                control.suspendInput();
                suspended = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The exchange failed, or was closed before the answer ended. */
    void fail(IOException cause) {
        lock.lock();
        try {
            if (!ended && failure == null) {
                failure = cause;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (buffer.position() == 0 && !ended && failure == null) {
                changed.await();
            }
            if (buffer.position() == 0) {
                if (failure != null) {
                    throw new IOException("The answer broke off: " + failure.getMessage(), failure);
                }
                return -1;
            }
            buffer.flip();
            int read = Math.min(length, buffer.remaining());
            buffer.get(into, offset, read);
            buffer.compact();
            if (suspended) {
                suspended = false;
                io.requestInput();
            }
            return read;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while reading an answer");
        } finally {
            lock.unlock();
        }
    }
}
