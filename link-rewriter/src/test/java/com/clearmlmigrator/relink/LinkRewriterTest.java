package com.clearmlmigrator.relink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkRewriterTest {
    private final LinkRewriter files = LinkRewriter.of("http://files.old.lan:8081/", "https://files.example.com/");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NONE", textBlock = """
            http://files.old.lan:8081/Vision/a.png,      https://files.example.com/Vision/a.png
            http://files.old.lan:8081,                   https://files.example.com
            http://files.old.lan:8081/,                  https://files.example.com/
            HTTP://Files.Old.Lan:8081/Vision/a.png,      https://files.example.com/Vision/a.png
            http://files.old.lan:8081?x=1,               https://files.example.com?x=1
            http://files.old.lan:80810/Vision/a.png,     NONE
            http://files.old.lan:8081.evil.com/a,        NONE
            https://files.old.lan:8081/a,                NONE
            http://files.old.lan/a,                      NONE
            file:///home/ana/best.pt,                    NONE
            see http://files.old.lan:8081/a,             NONE
            """)
    void rewritesOnlyUrlsThatStartWithTheOldPrefixAtABoundary(String value, String expected) {
        assertThat(files.rewriteUrl(value).orElse(null)).isEqualTo(expected);
    }

    @Test
    void pathComparesWithCase() {
        LinkRewriter bucket = LinkRewriter.of("s3://Bucket/Prefix/", "s3://new/");

        assertThat(bucket.rewriteUrl("s3://Bucket/Prefix/x")).contains("s3://new/x");
        assertThat(bucket.rewriteUrl("s3://Bucket/prefix/x")).isEmpty();
    }

    @Test
    void bucketNeverMatchesALongerBucket() {
        LinkRewriter bucket = LinkRewriter.of("s3://bucket", "gs://other");

        assertThat(bucket.rewriteUrl("s3://bucket/x")).contains("gs://other/x");
        assertThat(bucket.rewriteUrl("s3://bucket")).contains("gs://other");
        assertThat(bucket.rewriteUrl("s3://bucket-2/x")).isEmpty();
    }

    @Test
    void replacesEveryDelimitedOccurrenceInText() {
        String report = "![cm](http://files.old.lan:8081/a.png) and \"http://files.old.lan:8081\" but not"
                + " http://files.old.lan:80810/b nor xhttp://files.old.lan:8081/c";

        assertRewritten(
                report,
                2,
                "![cm](https://files.example.com/a.png) and \"https://files.example.com\" but not"
                        + " http://files.old.lan:80810/b nor xhttp://files.old.lan:8081/c");
    }

    @Test
    void findsOccurrencesInTextWhateverTheCaseOfTheirSchemeAndHost() {
        String plot = "{\"é\":\"Http://FILES.old.lan:8081/a.png\",\"t\":\"ü hTTP://files.OLD.lan:8081\","
                + "\"h\":\"hhttp://files.old.lan:8081/x\",\"end\":\"HTTP://files.old.lan:8081";

        assertRewritten(
                plot,
                3,
                "{\"é\":\"https://files.example.com/a.png\",\"t\":\"ü https://files.example.com\","
                        + "\"h\":\"hhttp://files.old.lan:8081/x\",\"end\":\"https://files.example.com");
    }

    @Test
    void findsOccurrencesAmongOtherSchemesAndCutOffPrefixesAtEitherEndOfTheText() {
        String text = "tp://files.old.lan:8081/a https://files.old.lan:8081/b http:/files.old.lan:8081/c"
                + " http://files.old.lan:8081/d s3://x/ http://files.old.lan:8081/e http://files.old.lan:808";
        LinkRewriter bucket = LinkRewriter.of("s3://bucket/", "gs://bucket/");

        assertRewritten(
                text,
                2,
                "tp://files.old.lan:8081/a https://files.old.lan:8081/b http:/files.old.lan:8081/c"
                        + " https://files.example.com/d s3://x/ https://files.example.com/e http://files.old.lan:808");
        assertThat(bucket.rewriteText("s3://bucket/a,xs3://bucket/b,S3://BUCKET/c,s3://bucket/"))
                .isEqualTo("gs://bucket/a,xs3://bucket/b,gs://bucket/c,gs://bucket/");
    }

    @Test
    void textWithoutOccurrencesIsReturnedAsIs() {
        String text = "nothing to see";

        assertThat(files.rewriteText(text)).isSameAs(text);
    }

    @Test
    void aReferenceAlreadyUnderTheNewPrefixThatExtendsTheOldOneIsLeftAlone() {
        LinkRewriter nested = LinkRewriter.of("s3://bucket", "s3://bucket/clearml");

        // The same relink run a second time, by an operator unsure whether the first one ran, must change nothing.
        String once = nested.rewriteUrl("s3://bucket/project/model.pt").orElseThrow();
        assertThat(once).isEqualTo("s3://bucket/clearml/project/model.pt");
        assertThat(nested.rewriteUrl(once)).isEmpty();
        assertThat(nested.rewriteUrl("S3://BUCKET/clearml/x"))
                .as("the host compares without case")
                .isEmpty();
        assertThat(nested.rewriteUrl("s3://bucket/clearml-old/x")).contains("s3://bucket/clearml/clearml-old/x");
        assertThat(nested.rewriteUrl("s3://bucket")).contains("s3://bucket/clearml");

        String text = "see s3://bucket/a.png and s3://bucket/clearml/b.png";
        String rewritten = nested.rewriteText(text);
        assertThat(rewritten).isEqualTo("see s3://bucket/clearml/a.png and s3://bucket/clearml/b.png");
        assertThat(nested.rewriteText(rewritten)).isSameAs(rewritten);
    }

    @Test
    void whenTheOldPrefixExtendsTheNewOneEveryOldReferenceIsRewrittenAndCounted() {
        LinkRewriter flattening = LinkRewriter.of("s3://bucket/clearml", "s3://bucket");

        assertThat(flattening.isStillOld("s3://bucket/clearml/x")).isTrue();
        assertThat(flattening.rewriteUrl("s3://bucket/clearml/x")).contains("s3://bucket/x");
        assertThat(flattening.countOccurrences("s3://bucket/clearml/x and s3://bucket/y"))
                .isEqualTo(1);
    }

    @Test
    void verificationDoesNotCountTheNewPrefixWhenItExtendsTheOldOne() {
        LinkRewriter nested = LinkRewriter.of("http://a/", "http://a/b/");

        assertThat(nested.countOccurrences("see http://a/b/x and http://a/y")).isEqualTo(1);
        assertThat(nested.isStillOld("http://a/b/x")).isFalse();
        assertThat(nested.isStillOld("http://a/x")).isTrue();
    }

    @Test
    void aPathWithASpaceIsFoundAsGivenAndAsClearmlQuotesItInDebugImageUrls() {
        LinkRewriter nfs = LinkRewriter.of("file:///mnt/my data/", "file:///mnt/new data/");

        assertThat(nfs.rewriteUrl("file:///mnt/my data/Proj/t.1/artifacts/a.pkl"))
                .contains("file:///mnt/new data/Proj/t.1/artifacts/a.pkl");
        assertThat(nfs.rewriteUrl("file:///mnt/my%20data/Proj/t.1/metrics/m/v/m_v_00000001.png"))
                .contains("file:///mnt/new%20data/Proj/t.1/metrics/m/v/m_v_00000001.png");
        assertThat(nfs.rewriteUrl("file:///mnt/my data2/a.pkl")).isEmpty();
        assertThat(nfs.oldPrefixes()).containsExactly("file:///mnt/my data", "file:///mnt/my%20data");

        String plot = "{\"images\":[{\"source\":\"file:///mnt/my%20data/a.png\"}],\"x\":\"file:///mnt/my data/b\"}";
        assertThat(nfs.countOccurrences(plot)).isEqualTo(2);
        assertThat(nfs.rewriteText(plot))
                .isEqualTo(
                        "{\"images\":[{\"source\":\"file:///mnt/new%20data/a.png\"}],\"x\":\"file:///mnt/new data/b\"}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NONE", textBlock = """
            http://files:8081/my project/t.1/artifacts/a.csv,    http://files:8081/archive/my project/t.1/artifacts/a.csv
            http://files:8081/my%20project/t.1/metrics/a.png,    http://files:8081/archive/my%20project/t.1/metrics/a.png
            http://files:8081/my%2520project/t.1/metrics/a.png,  http://files:8081/archive/my%2520project/t.1/metrics/a.png
            http://files:8081/archive/my project/t.1/a.csv,      NONE
            """)
    void aQuotedPrefixAlsoFindsThePathAsArtifactUrisKeepItAndAsDebugImageUrlsQuoteItAgain(
            String value, String expected) {
        LinkRewriter project =
                LinkRewriter.of("http://files:8081/my%20project/", "http://files:8081/archive/my%20project/");

        assertThat(project.rewriteUrl(value).orElse(null)).isEqualTo(expected);
    }

    @Test
    void anEscapeThatIsPartOfANameIsNeverDecodedIntoAPathOrANewCharacter() {
        LinkRewriter slash = LinkRewriter.of("s3://bucket/a%2Fb/", "s3://other/");

        assertThat(slash.rewriteUrl("s3://bucket/a/b/x")).isEmpty();
        assertThat(slash.rewriteUrl("s3://bucket/a%2Fb/x")).contains("s3://other/x");
        assertThat(LinkRewriter.of("http://f/100%25/", "http://g/").rewriteUrl("http://f/100%/x"))
                .isEmpty();
    }

    @Test
    void plainAsciiPrefixesHaveOneSpellingAndOthersAreQuotedAsUtf8() {
        assertThat(files.oldPrefixes()).containsExactly("http://files.old.lan:8081");
        assertThat(LinkRewriter.of("http://f/données/", "http://g/").oldPrefixes())
                .containsExactly("http://f/données", "http://f/donn%C3%A9es");
    }

    @Test
    void rejectsMismatchedTrailingSlashesAndIdenticalPrefixes() {
        assertThatThrownBy(() -> LinkRewriter.of("http://a/", "http://b"))
                .hasMessageContaining("both end with / or neither");
        assertThatThrownBy(() -> LinkRewriter.of("http://a/", "http://a/")).hasMessageContaining("the same URL");
    }

    /** Text with {@code occurrences} of the old prefix, which it finds, and which rewriting gives as {@code expected}. */
    private void assertRewritten(String text, int occurrences, String expected) {
        assertThat(files.countOccurrences(text)).isEqualTo(occurrences);
        assertThat(files.rewriteText(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "ftp://host/, must be an absolute URL with one of the schemes",
        "files.old.lan:8081/, must be an absolute URL",
        "http:///path, needs a host or bucket",
        "http://h/?q=1, must not have a query",
        "'http://h /', is not a valid URL"
    })
    void rejectsPrefixesThatAreNotStorageUrls(String prefix, String message) {
        assertThatThrownBy(() -> UrlPrefix.parse("from", prefix)).hasMessageContaining(message);
    }

    @Test
    void acceptsAPathThatHoldsWhatAUrlCannotAsClearmlStoresIt() {
        assertThat(UrlPrefix.parse("from", "file:///mnt/my data/").base()).isEqualTo("file:///mnt/my data");
        assertThat(UrlPrefix.parse("from", "http://files:8081/a {b}/").originLength())
                .isEqualTo("http://files:8081".length());
    }
}
