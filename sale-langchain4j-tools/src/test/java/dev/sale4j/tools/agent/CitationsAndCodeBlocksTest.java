package dev.sale4j.tools.agent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CitationsAndCodeBlocksTest {

    @Test
    void citedUrlsAreFoundInProseMarkdownAndLists() {
        String answer = "See [the entry](https://en.wikipedia.org/wiki/Hello_(disambiguation)), also "
                + "<https://example.org/a?b=1>. Sources:\n- https://www.merriam-webster.com/dictionary/hello.\n"
                + "- **https://example.org/a?b=1**";

        assertThat(Citations.urls(answer)).containsExactly("https://en.wikipedia.org/wiki/Hello_(disambiguation)",
                "https://example.org/a?b=1", "https://www.merriam-webster.com/dictionary/hello");
    }

    @Test
    void urlKeysIgnoreCaseOfHostFragmentDefaultPortAndTrailingSlash() {
        assertThat(Citations.key("HTTPS://WWW.Example.org:443/Page/#top"))
                .isEqualTo(Citations.key("https://www.example.org/Page"));
        assertThat(Citations.key("https://example.org/page")).isNotEqualTo(Citations.key("https://example.org/Page"));
        assertThat(Citations.key("http://127.0.0.1:8080/x")).isEqualTo("http://127.0.0.1:8080/x");
    }

    @Test
    void lastPythonBlockIsTheFinalCode() {
        String answer = "First try:\n```python\ndef f():\n    return 1\n```\nBetter:\n\n```python\ndef f():\n"
                + "    return 2\n```\nDone. Output was:\n```text\n2\n```";

        CodeBlocks.Block block = CodeBlocks.last(answer);

        assertThat(block.code()).isEqualTo("def f():\n    return 2\n");
        assertThat(answer.substring(block.end())).isEqualTo("\nDone. Output was:\n```text\n2\n```");
        assertThat(CodeBlocks.last("no code here")).isNull();
        assertThat(CodeBlocks.last("~~~\nx = 1\n~~~").code()).isEqualTo("x = 1\n");
    }
}
