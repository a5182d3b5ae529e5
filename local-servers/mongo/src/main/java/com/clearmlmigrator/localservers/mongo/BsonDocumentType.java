package com.clearmlmigrator.localservers.mongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;

/**
 * Documents stored in H2 as BSON, the form they arrive and leave in. The stock backend stores them with Java
 * serialization, and reading and writing pages that way was a third of the server's time in a relink of 100,000
 * documents (JFR: {@code ObjectInputStream} under {@code Page.read}, {@code ObjectOutputStream} under {@code
 * Page.write}). Every value a stored document can hold came in through the server's BSON decoder or is one its
 * encoder writes in replies, so the round trip is exact.
 */
final class BsonDocumentType extends BasicDataType<Document> {
    // What H2 counts against its page cache per document; a decoded document weighs a few times its BSON.
    private static final int WEIGHT_PER_BSON_BYTE = 4;

    private volatile int averageWeight = 4_096;

    @Override
    public int getMemory(Document document) {
        return averageWeight;
    }

    @Override
    public void write(WriteBuffer out, Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            out.putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
            averageWeight = (int) ((WEIGHT_PER_BSON_BYTE * (long) length + 15L * averageWeight) / 16);
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer in) {
        int length = DataUtils.readVarInt(in);
        ByteBuffer bson = in.slice();
        bson.limit(length);
        in.position(in.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
