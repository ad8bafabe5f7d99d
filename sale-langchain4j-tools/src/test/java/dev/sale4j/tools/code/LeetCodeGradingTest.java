package dev.sale4j.tools.code;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sale4j.tools.SharedData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Grades the LeetCodeDataset v0.3.1 test split's reference completions (real data from shared/data/leetcode). */
class LeetCodeGradingTest {

    private final PythonSandbox sandbox = PythonSandbox.builder()
            .limits(SandboxLimits.builder().wallTime(Duration.ofSeconds(180)).build())
            .build(); // two references need ~30 s of CPU on an idle core; the build machines are shared
    private final TestRunner runner = TestRunner.builder().sandbox(sandbox).build();

    @Test
    void referenceCompletionsPassTheirCheckFunctions() throws Exception {
        List<JsonNode> tasks = SharedData.jsonLines("leetcode/LeetCodeDataset-v0.3.1-test.jsonl.gz");
        assertThat(tasks).hasSize(228);
        ExecutionResult probe = sandbox.run("import sortedcontainers");
        assertThat(probe.exitCode()).as("the dataset's preamble imports sortedcontainers: apt-get install "
                + "python3-sortedcontainers; got %s", probe.stderr()).isZero();

        assertThat(Batch.unexpected(tasks, t -> t.get("task_id").asText(),
                t -> grade(t, t.get("completion").asText()), true, "leetcode")).isEmpty();
    }

    @Test
    void perturbedReferenceCompletionsFail() throws Exception {
        List<JsonNode> tasks = SharedData.jsonLines("leetcode/LeetCodeDataset-v0.3.1-test.jsonl.gz");

        assertThat(Batch.unexpected(tasks, t -> t.get("task_id").asText(), t -> {
            String entry = t.get("entry_point").asText();
            assertThat(entry).startsWith("Solution().");
            return grade(t, WrongVariants.method(t.get("completion").asText(), "Solution",
                    entry.substring("Solution().".length())));
        }, false, "leetcode wrong variants")).isEmpty();
    }

    @Test
    void designStyleClassesWithStateGradeThroughRemoteHandles() {
        String preamble = "from typing import *\nfrom collections import OrderedDict\n";
        String lru = """
                class LRUCache:
                    def __init__(self, capacity: int):
                        self.capacity, self.data = capacity, OrderedDict()
                    def get(self, key: int) -> int:
                        if key not in self.data:
                            return -1
                        self.data.move_to_end(key)
                        return self.data[key]
                    def put(self, key: int, value: int) -> None:
                        self.data[key] = value
                        self.data.move_to_end(key)
                        if len(self.data) > self.capacity:
                            self.data.popitem(last=False)
                """;
        String tests = """
                def check(candidate):
                    obj = candidate(2)
                    assert obj.put(1, 1) is None
                    obj.put(2, 2)
                    assert obj.get(1) == 1
                    obj.put(3, 3)
                    assert obj.get(2) == -1
                    obj.put(4, 4)
                    assert [obj.get(1), obj.get(3), obj.get(4)] == [-1, 3, 4]
                    assert obj.capacity == 2
                """;

        TestVerdict right = runner.gradeCheck(preamble, lru, tests, "LRUCache");
        TestVerdict wrong = runner.gradeCheck(preamble, lru.replace("last=False", "last=True"), tests, "LRUCache");

        assertThat(right.passed()).as(right.reason()).isTrue();
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.reason()).isEqualTo("assertion failed: AssertionError at <tests>:7: assert obj.get(2) == -1");
    }

    @Test
    void linkedListsAndTreesCrossAsData() {
        String preamble = "from typing import *\n" + """
                class ListNode:
                    def __init__(self, val=0, next=None):
                        self.val, self.next = val, next
                def list_node(values):
                    head = None
                    for v in reversed(values):
                        head = ListNode(v, head)
                    return head
                def is_same_list(a, b):
                    while a and b:
                        if a.val != b.val:
                            return False
                        a, b = a.next, b.next
                    return a is None and b is None
                """;
        String reverse = """
                class Solution:
                    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
                        prev = None
                        while head:
                            head.next, prev, head = prev, head, head.next
                        return prev
                """;
        String tests = """
                def check(candidate):
                    assert is_same_list(candidate(head=list_node([1, 2, 3])), list_node([3, 2, 1]))
                    assert candidate(head=None) is None
                    long = list_node(list(range(5000)))
                    assert is_same_list(candidate(long), list_node(list(range(4999, -1, -1))))
                """;

        TestVerdict right = runner.gradeCheck(preamble, reverse, tests, "Solution().reverseList");
        TestVerdict wrong = runner.gradeCheck(preamble, reverse.replace("return prev", "return head"), tests,
                "Solution().reverseList");

        assertThat(right.passed()).as(right.reason()).isTrue();
        assertThat(wrong.passed()).isFalse();
    }

    private TestVerdict grade(JsonNode task, String candidate) {
        return runner.gradeCheck(task.get("prompt").asText(), candidate, task.get("test").asText(),
                task.get("entry_point").asText());
    }
}
