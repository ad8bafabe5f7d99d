package dev.sale4j.jury;

import java.util.List;

/**
 * What one jury call returned: its scores (one per bid it judged, present or not) and the tokens it cost.
 *
 * @param estimated true when the backend reported no usage and the counts are estimates
 */
public record JuryVerdict(
        String juror, List<JuryScore> scores, long inputTokens, long outputTokens, boolean estimated) {

    public JuryVerdict {
        scores = List.copyOf(scores);
    }
}
