package com.clearmlmigrator.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentChecksumTest {
    @Test
    void writesTheSumAsSixteenHexDigitsWhateverItsSize() {
        assertThat(ContentChecksum.of(0, 0).sum()).isEqualTo("0000000000000000");
        assertThat(ContentChecksum.of(1, 0xabcL).sum()).isEqualTo("0000000000000abc");
        assertThat(ContentChecksum.of(1, -1L).sum()).isEqualTo("ffffffffffffffff");
        assertThat(ContentChecksum.of(1, Long.MIN_VALUE).sum()).isEqualTo("8000000000000000");
    }

    @Test
    void aTallyComesToTheSameFingerprintAsAddingDocumentsOneByOne() {
        long[] digests = {-1L, 5L, Long.MAX_VALUE, 7L, Long.MIN_VALUE};
        ContentChecksum oneByOne = ContentChecksum.EMPTY;
        ContentChecksum.Tally tally = new ContentChecksum.Tally();
        for (long digest : digests) {
            oneByOne = oneByOne.plusDocument(digest);
            tally.addDocument(digest);
        }
        tally.add(ContentChecksum.EMPTY.plusDocument(9L));

        assertThat(tally.total()).isEqualTo(oneByOne.plusDocument(9L));
        assertThat(tally.total().documents()).isEqualTo(6);
    }
}
