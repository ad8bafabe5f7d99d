package dev.sale4j.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sale4j.auction.AuctionMemoryRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class ParsedEntriesTest {

    private final ParsedEntries parsed = new ParsedEntries();
    private final List<String> parses = new ArrayList<>();
    private final BiFunction<String, String, MemoryEntry> parser = (id, payload) -> {
        parses.add(id);
        return MemoryEntry.fromJson(payload);
    };

    private static String payload(String task) {
        return AuctionMemoryRecorder.entry("ns", TestAuctions.task(task).bid("small", "small plan", 0.5)
                .bid("large", "large plan", -1).winner("large").result()).toJson();
    }

    @Test
    void anEqualPayloadIsParsedOnceAndItsEntryShared() {
        String json = payload("Reverse a string.");

        MemoryEntry first = parsed.get("a", json, parser);
        MemoryEntry second = parsed.get("a", new String(json), parser);

        assertThat(second).isSameAs(first);
        assertThat(parses).containsExactly("a");
        assertThat(first).isEqualTo(MemoryEntry.fromJson(json));
    }

    @Test
    void aChangedPayloadIsParsedAgain() {
        String before = payload("Reverse a string.");
        MemoryEntry old = parsed.get("a", before, parser);
        String after = old.withOutcome(Outcome.failure(Outcome.Source.JUDGE, "wrong")).toJson();

        MemoryEntry changed = parsed.get("a", after, parser);

        assertThat(changed.outcome().detail()).isEqualTo("wrong");
        assertThat(parses).containsExactly("a", "a");
    }

    @Test
    void theLeastRecentlyUsedEntriesGoPastTheCapacity() {
        String json = payload("Reverse a string.");
        parsed.get("first", json, parser);
        for (int i = 0; i < ParsedEntries.CAPACITY; i++) {
            parsed.get("other-" + i, json, parser);
        }
        parses.clear();

        parsed.get("other-" + (ParsedEntries.CAPACITY - 1), json, parser);
        parsed.get("first", json, parser);

        assertThat(parses).containsExactly("first");
    }

    @Test
    void aPayloadThatFailsToParseIsNotKept() {
        assertThatThrownBy(() -> parsed.get("bad", "{not json", parser)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> parsed.get("bad", "{not json", parser)).isInstanceOf(RuntimeException.class);
        assertThat(parses).containsExactly("bad", "bad");
    }
}
