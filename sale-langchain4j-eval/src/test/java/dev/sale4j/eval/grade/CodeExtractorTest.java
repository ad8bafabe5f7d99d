package dev.sale4j.eval.grade;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeExtractorTest {

    @Test
    void theLastCompletePythonBlockIsTaken() {
        String answer = "First try:\n```python\ndef f(x):\n    return x\n```\nBetter:\n```python\ndef f(x):\n"
                + "    return x + 1\n```\nDone.";

        assertThat(CodeExtractor.extract(answer)).isEqualTo("def f(x):\n    return x + 1\n");
    }

    @Test
    void aLaterUsageExampleDoesNotHideTheSolution() {
        String answer = "```python\ndef add(a, b):\n    return a + b\n```\nUsage:\n```python\nprint(add(1, 2))\n```";

        assertThat(CodeExtractor.extract(Submission.of(answer), "add")).isEqualTo("def add(a, b):\n    return a + b\n");
        assertThat(CodeExtractor.extract(Submission.of(answer), null)).isEqualTo("print(add(1, 2))\n");
    }

    @Test
    void otherLanguagesAreSkippedAndUntaggedFencesTaken() {
        assertThat(CodeExtractor.extract("```py\nx = 1\n```\n```bash\nrm -rf /\n```")).isEqualTo("x = 1\n");
        assertThat(CodeExtractor.extract("```\nx = 2\n```")).isEqualTo("x = 2\n");
        assertThat(CodeExtractor.extract("```java\nint x;\n```")).isEmpty();
    }

    @Test
    void anUnterminatedBlockOrBareCodeIsTaken() {
        assertThat(CodeExtractor.extract("Here:\n```python\ndef g():\n    return 1\n")).isEqualTo(
                "def g():\n    return 1\n");
        assertThat(CodeExtractor.extract("def g():\n    return 1")).isEqualTo("def g():\n    return 1");
    }

    @Test
    void aSeparateCodeFieldWins() {
        Submission s = Submission.withCode("```python\nwrong = 1\n```", "```python\nright = 1\n```");

        assertThat(CodeExtractor.extract(s, null)).isEqualTo("right = 1\n");
        assertThat(CodeExtractor.extract(Submission.withCode("", "right = 2"), null)).isEqualTo("right = 2");
    }
}
