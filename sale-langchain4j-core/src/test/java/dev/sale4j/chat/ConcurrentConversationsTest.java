package dev.sale4j.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import dev.sale4j.pool.Agent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many conversations at once, and shadow mode's report, on scripted in-process agents. */
class ConcurrentConversationsTest {

    interface Assistant {
        String chat(@MemoryId int conversation, @UserMessage String message);
    }

    private static final int CONVERSATIONS = 200;

    private final ScriptedPool agents = new ScriptedPool();

    private Assistant assistant(SaleChatModel model) {
        return AiServices.builder(Assistant.class).chatModel(model).tools(new ScriptedPool.Calculator())
                .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(50)).build();
    }

    private static String preferred(int conversation, int turn) {
        return (conversation + turn) % 2 == 0 ? "small" : "big";
    }

    private static String message(int conversation, int turn) {
        return "conversation " + conversation + " turn " + turn + ": add 2 and 3 [prefer "
                + preferred(conversation, turn) + "]";
    }

    private Map<String, String> runConversations(Assistant assistant) throws Exception {
        Map<String, String> answers = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CONVERSATIONS; c++) {
                int conversation = c;
                done.add(threads.submit(() -> {
                    for (int turn = 0; turn < 2; turn++) {
                        answers.put(message(conversation, turn), assistant.chat(conversation, message(conversation, turn)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return answers;
    }

    @Test
    void twoHundredInterleavedConversationsKeepTheirOwnWinners() throws Exception {
        SaleChatModel model = SaleChatModel.builder().router(agents.router().build()).maxTrackedTasks(5_000).build();

        Map<String, String> answers = runConversations(assistant(model));

        assertThat(answers).hasSize(2 * CONVERSATIONS);
        for (int c = 0; c < CONVERSATIONS; c++) {
            for (int turn = 0; turn < 2; turn++) {
                assertThat(answers.get(message(c, turn))).isEqualTo("done by " + preferred(c, turn));
            }
        }
        assertThat(agents.bids()).isEqualTo(2 * 2 * CONVERSATIONS);
        assertThat(agents.executions).hasSize(2 * 2 * CONVERSATIONS);
        Map<String, List<String>> executorsByTask = new ConcurrentHashMap<>();
        agents.executions.forEach(e -> executorsByTask.computeIfAbsent(e.userMessage(), k -> new ArrayList<>())
                .add(e.agent()));
        executorsByTask.forEach((task, executors) -> {
            String expected = task.substring(task.indexOf("[prefer ") + 8, task.indexOf(']'));
            assertThat(executors).as(task).containsExactly(expected, expected);
        });
    }

    @Test
    void shadowModeExecutesOnTheShadowAgentAndReportsWhatSaleWouldHavePicked() throws Exception {
        SaleChatModel model = SaleChatModel.builder().router(agents.router().build()).shadowAgent("big").build();

        runConversations(assistant(model));
        ShadowReport report = model.shadowReport();
        for (int i = 0; i < 200 && report.pending() > 0; i++) {
            Thread.sleep(50);
            report = model.shadowReport();
        }

        assertThat(agents.executions).hasSize(4 * CONVERSATIONS).allSatisfy(e -> assertThat(e.agent()).isEqualTo("big"));
        assertThat(report.pending()).isZero();
        assertThat(report.tasks()).hasSize(2 * CONVERSATIONS);
        assertThat(report.picks()).containsExactlyInAnyOrderEntriesOf(
                Map.of("small", (long) CONVERSATIONS, "big", (long) CONVERSATIONS));
        assertThat(report.agreements()).isEqualTo(CONVERSATIONS);
        Agent small = agents.pool.get("small");
        Agent big = agents.pool.get("big");
        double overhead = small.costUsd(100 + 2 * 150, 20 + 2 * 5) + big.costUsd(100 + 2 * 150, 20 + 2 * 5);
        for (ShadowTask task : report.tasks()) {
            assertThat(task.shadowAgent()).isEqualTo("big");
            assertThat(task.inputTokens()).isEqualTo(600);
            assertThat(task.outputTokens()).isEqualTo(80);
            assertThat(task.shadowCostUsd()).isCloseTo(big.costUsd(600, 80), within(1e-12));
            assertThat(task.salePickCostUsd())
                    .isCloseTo(agents.pool.get(task.salePick()).costUsd(600, 80), within(1e-12));
            assertThat(task.overheadCostUsd()).isCloseTo(overhead, within(1e-12));
            assertThat(task.differenceUsd())
                    .isCloseTo(task.shadowCostUsd() - task.salePickCostUsd() - overhead, within(1e-12));
        }
        double expectedDifference = CONVERSATIONS * (big.costUsd(600, 80) - small.costUsd(600, 80))
                - 2 * CONVERSATIONS * overhead;
        assertThat(report.differenceUsd()).isCloseTo(expectedDifference, within(1e-9));
        assertThat(report.shadowCostUsd()).isCloseTo(2 * CONVERSATIONS * big.costUsd(600, 80), within(1e-9));
    }
}
